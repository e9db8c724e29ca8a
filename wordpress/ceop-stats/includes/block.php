<?php
/**
 * The block ceop-stats/chart: dynamic (saved as a comment with its
 * attributes, rendered here like the shortcode), its attributes the
 * element's, under their property names (noAnimation for no-animation).
 * The editor script is plain wp.blocks / wp.element code, no build step.
 */

defined( 'ABSPATH' ) || exit;

function ceop_stats_register_block() {
	wp_register_script(
		'ceop-stats-block-editor',
		plugins_url( 'block.js', CEOP_STATS_FILE ),
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n', 'ceop-stats' ),
		CEOP_STATS_VERSION,
		true
	);
	$attributes = array();
	$names      = array();
	foreach ( ceop_stats_attributes() as $name => $attribute ) {
		$attributes[ $attribute['property'] ] = array( 'type' => $attribute['boolean'] ? 'boolean' : 'string' );
		$names[ $attribute['property'] ]      = $name;
	}
	wp_add_inline_script( 'ceop-stats-block-editor', 'window.ceopStatsAttributeNames = ' . wp_json_encode( $names ) . ';', 'before' );
	register_block_type(
		'ceop-stats/chart',
		array(
			'api_version'     => 2,
			'title'           => __( 'CEOP stats', 'ceop-stats' ),
			'description'     => __( "A chart of CEOP's annual results.", 'ceop-stats' ),
			'category'        => 'embed',
			'icon'            => 'chart-bar',
			'attributes'      => $attributes,
			'editor_script'   => 'ceop-stats-block-editor',
			'render_callback' => 'ceop_stats_render_block',
			'supports'        => array( 'html' => false ),
		)
	);
}
add_action( 'init', 'ceop_stats_register_block' );

function ceop_stats_render_block( $block_attributes ) {
	$attributes = array();
	foreach ( ceop_stats_attributes() as $name => $attribute ) {
		$value = isset( $block_attributes[ $attribute['property'] ] ) ? $block_attributes[ $attribute['property'] ] : null;
		if ( $attribute['boolean'] ) {
			if ( true === $value ) {
				$attributes[ $name ] = true;
			}
		} elseif ( is_string( $value ) && '' !== trim( $value ) ) {
			$attributes[ $name ] = $value;
		}
	}
	return ceop_stats_element( $attributes );
}
