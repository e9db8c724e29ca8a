<?php
/**
 * The element's attributes, from dist/attributes.json, which `npm run build`
 * writes from custom-elements.json: one list, the element's own, so the
 * shortcode, the block and kses never fall behind it.
 */

defined( 'ABSPATH' ) || exit;

/**
 * @return array<string, array{property: string, boolean: bool}> Attribute name => its property name and whether it is a boolean.
 */
function ceop_stats_attributes() {
	static $attributes = null;
	if ( null === $attributes ) {
		$attributes = array();
		$file       = dirname( CEOP_STATS_FILE ) . '/dist/attributes.json';
		$list       = is_readable( $file ) ? json_decode( (string) file_get_contents( $file ), true ) : null;
		foreach ( is_array( $list ) ? $list : array() as $attribute ) {
			if ( isset( $attribute['name'], $attribute['property'] ) ) {
				$attributes[ (string) $attribute['name'] ] = array(
					'property' => (string) $attribute['property'],
					'boolean'  => ! empty( $attribute['boolean'] ),
				);
			}
		}
	}
	return $attributes;
}
