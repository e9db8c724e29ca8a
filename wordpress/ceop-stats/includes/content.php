<?php
/**
 * The element pasted into a post (the README's snippet), for every role that
 * can post: kses lets <ceop-stats>, its attributes and its data through; the
 * module is loaded on the pages that contain it; and in classic content the
 * element is kept from wpautop and wptexturize, which would otherwise close
 * it before its table (see src/stray-data.ts) and curl the table's quotes.
 */

defined( 'ABSPATH' ) || exit;

function ceop_stats_allowed_html( $tags, $context ) {
	if ( 'post' !== $context || ! is_array( $tags ) ) {
		return $tags;
	}
	$attributes = array();
	foreach ( array_keys( ceop_stats_attributes() ) as $name ) {
		$attributes[ $name ] = true;
	}
	// With the global attributes kses gives every tag: class, id, style, data-*, aria-*... (data-metric on a th is one).
	$tags['ceop-stats'] = function_exists( '_wp_add_global_attributes' ) ? _wp_add_global_attributes( $attributes ) : $attributes;
	return $tags;
}
add_filter( 'wp_kses_allowed_html', 'ceop_stats_allowed_html', 10, 2 );

/*
 * Inline JSON data, for roles whose posts kses filters. kses cannot allow a
 * <script> by its type: when a required attribute fails, it keeps the bare
 * <script> tag (wp_kses_attr in WordPress 6.1), which would run. So each
 * <script type="application/json"> is taken out before kses and put back
 * after, its text re-encoded from the parsed JSON with < > & escaped, so that
 * nothing in it can end the script. Anything that is not JSON is left to
 * kses, which removes the tag.
 */
$GLOBALS['ceop_stats_json'] = array();

function ceop_stats_json_out( $content ) {
	if ( ! has_filter( 'content_save_pre', 'wp_filter_post_kses' ) || false === stripos( $content, 'application/json' ) ) {
		return $content;
	}
	$GLOBALS['ceop_stats_json'] = array( 'token' => wp_generate_password( 12, false ), 'data' => array() );
	$text = preg_replace_callback(
		'#<script\s+type=(["\'])application/json\1\s*>(.*?)</script\s*>#is',
		function ( $match ) {
			$data = json_decode( $match[2] );
			if ( null === $data && 'null' !== strtolower( trim( $match[2] ) ) ) {
				return $match[0];
			}
			$GLOBALS['ceop_stats_json']['data'][] = wp_json_encode( $data, JSON_HEX_TAG | JSON_HEX_AMP | JSON_UNESCAPED_UNICODE | JSON_PRETTY_PRINT );
			return '<!--ceop-stats-json-' . $GLOBALS['ceop_stats_json']['token'] . '-' . ( count( $GLOBALS['ceop_stats_json']['data'] ) - 1 ) . '-->';
		},
		wp_unslash( $content )
	);
	return wp_slash( $text );
}

function ceop_stats_json_in( $content ) {
	if ( empty( $GLOBALS['ceop_stats_json']['data'] ) ) {
		return $content;
	}
	$kept = $GLOBALS['ceop_stats_json'];
	$GLOBALS['ceop_stats_json'] = array();
	$text = preg_replace_callback(
		'#<!--ceop-stats-json-' . preg_quote( $kept['token'], '#' ) . '-(\d+)-->#',
		function ( $match ) use ( $kept ) {
			return isset( $kept['data'][ (int) $match[1] ] ) ? '<script type="application/json">' . $kept['data'][ (int) $match[1] ] . '</script>' : '';
		},
		wp_unslash( $content )
	);
	return wp_slash( $text );
}
// Around wp_filter_post_kses (10).
add_filter( 'content_save_pre', 'ceop_stats_json_out', 9 );
add_filter( 'content_save_pre', 'ceop_stats_json_in', 11 );

/** Pasted widgets, taken out of the content before wpautop and wptexturize and put back after. */
$GLOBALS['ceop_stats_kept'] = array();

function ceop_stats_keep_elements( $content ) {
	if ( false === stripos( $content, '<ceop-stats' ) ) {
		return $content;
	}
	ceop_stats_enqueue();
	return preg_replace_callback(
		'#<ceop-stats\b[^>]*>.*?</ceop-stats\s*>#is',
		function ( $match ) {
			$GLOBALS['ceop_stats_kept'][] = $match[0];
			// A <div> is a block to wpautop: it is neither wrapped in a paragraph nor split.
			return '<div data-ceop-stats-kept="' . ( count( $GLOBALS['ceop_stats_kept'] ) - 1 ) . '"></div>';
		},
		$content
	);
}

function ceop_stats_restore_elements( $content ) {
	if ( ! $GLOBALS['ceop_stats_kept'] ) {
		return $content;
	}
	return preg_replace_callback(
		'#<div data-ceop-stats-kept="(\d+)"></div>#',
		function ( $match ) {
			return isset( $GLOBALS['ceop_stats_kept'][ (int) $match[1] ] ) ? $GLOBALS['ceop_stats_kept'][ (int) $match[1] ] : '';
		},
		$content
	);
}
// Before do_blocks (9), wptexturize and wpautop (10); back after do_shortcode (11).
add_filter( 'the_content', 'ceop_stats_keep_elements', 8 );
add_filter( 'the_content', 'ceop_stats_restore_elements', 12 );
