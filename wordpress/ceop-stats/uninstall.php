<?php
/**
 * The plugin keeps no option, table, transient or scheduled event. What
 * WordPress itself stored because of it is removed: its oEmbed caches of our
 * embed URLs (post meta _oembed_* of posts that embed one, oembed_cache
 * posts, and the transients oembed_* of the oEmbed proxy that the block
 * editor's Embed block previews through), on every site of a network. Posts
 * keep the shortcodes, blocks and elements their authors wrote: those are
 * theirs.
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

function ceop_stats_uninstall_site() {
	global $wpdb;
	/*
	 * A cache is the plugin's when it holds an embed URL (ceop_stats_embed) or the iframe the plugin made
	 * (its class ceop-stats-embed). The class is in every iframe it ever made, even those whose src esc_url
	 * emptied: before the plugin checked the URL's scheme, [embed]javascript://…?ceop_stats_embed=1 cached
	 * <iframe src="" class="ceop-stats-embed">, with no ceop_stats_embed left in it.
	 */
	$like  = '%' . $wpdb->esc_like( 'ceop_stats_embed' ) . '%';
	$class = '%' . $wpdb->esc_like( 'ceop-stats-embed' ) . '%';
	$keys  = $wpdb->get_col(
		$wpdb->prepare(
			"SELECT DISTINCT meta_key FROM {$wpdb->postmeta} WHERE meta_key LIKE %s AND ( meta_value LIKE %s OR meta_value LIKE %s )",
			$wpdb->esc_like( '_oembed_' ) . '%',
			$like,
			$class
		)
	);
	foreach ( $keys as $key ) {
		$hash = substr( $key, strlen( '_oembed_' ) );
		delete_post_meta_by_key( $key );
		delete_post_meta_by_key( '_oembed_time_' . $hash );
	}
	$cached = $wpdb->get_col(
		$wpdb->prepare( "SELECT ID FROM {$wpdb->posts} WHERE post_type = 'oembed_cache' AND ( post_content LIKE %s OR post_content LIKE %s )", $like, $class )
	);
	foreach ( $cached as $id ) {
		wp_delete_post( (int) $id, true );
	}
	$transients = $wpdb->get_col(
		$wpdb->prepare(
			"SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s AND ( option_value LIKE %s OR option_value LIKE %s )",
			$wpdb->esc_like( '_transient_oembed_' ) . '%',
			$like,
			$class
		)
	);
	foreach ( $transients as $name ) {
		delete_transient( substr( $name, strlen( '_transient_' ) ) );
	}
}

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $site_id ) {
		switch_to_blog( $site_id );
		ceop_stats_uninstall_site();
		restore_current_blog();
	}
} else {
	ceop_stats_uninstall_site();
}
