<?php
/**
 * The widget's module, served from the plugin's own dist/ and loaded only on
 * pages that show a widget. WordPress 6.1 has no script modules API, so the
 * tag gets type="module" through script_loader_tag.
 */

defined( 'ABSPATH' ) || exit;

function ceop_stats_dist_url( $file ) {
	return plugins_url( 'dist/' . $file, CEOP_STATS_FILE );
}

function ceop_stats_register_assets() {
	// In the footer: a module runs after parsing anyway, and a late enqueue from a shortcode lands there too.
	wp_register_script( 'ceop-stats', ceop_stats_dist_url( 'ceop-stats.js' ), array(), CEOP_STATS_VERSION, true );
}
add_action( 'init', 'ceop_stats_register_assets' );

/** Marks the page as showing a widget. */
function ceop_stats_enqueue() {
	wp_enqueue_script( 'ceop-stats' );
}

function ceop_stats_module_tag( $tag, $handle ) {
	if ( 'ceop-stats' !== $handle ) {
		return $tag;
	}
	$tag = preg_replace( '/\stype=([\'"])[^\'"]*\1/', '', $tag );
	return preg_replace( '/<script\b/', '<script type="module"', $tag, 1 );
}
add_filter( 'script_loader_tag', 'ceop_stats_module_tag', 10, 2 );
