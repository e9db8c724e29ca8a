<?php
/**
 * The markup of one widget, for the shortcode and the block. Every value is
 * escaped and passed on as the element's attribute: the element checks it
 * and shows its own error for a bad one. A name the element does not know
 * gets a visible notice instead of a widget, so a typo (metrc="arrests")
 * never shows the default figures as if they were the ones asked for.
 */

defined( 'ABSPATH' ) || exit;

/**
 * @param array<string, string|true> $attributes Attribute name => value, true for a boolean that is on.
 * @param string                     $content    Data for the element: a table or JSON script, already filtered by kses.
 */
function ceop_stats_element( array $attributes, $content = '' ) {
	ceop_stats_enqueue();
	// The element refuses a URL of another scheme itself, but the server should not hand one on either.
	foreach ( array( 'src', 'source-url' ) as $name ) {
		if ( isset( $attributes[ $name ] ) && is_string( $attributes[ $name ] ) ) {
			$url = ceop_stats_http_url( $attributes[ $name ] );
			if ( '' === $url ) {
				// Dropped, not emptied: the element then shows its default source, or its own error for a missing one.
				unset( $attributes[ $name ] );
			} else {
				$attributes[ $name ] = $url;
			}
		}
	}
	$html = '<ceop-stats';
	foreach ( $attributes as $name => $value ) {
		$html .= true === $value ? ' ' . $name : ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	return $html . '>' . $content . '</ceop-stats>';
}

/**
 * An http(s) URL for src or source-url, or '' for any other scheme. A relative reference (data/2024.json,
 * /stats.json) has no scheme to check, even with its entities decoded, and is kept as written: esc_url
 * would turn "data.json" into "http://data.json".
 */
function ceop_stats_http_url( $value ) {
	if ( false === strpos( html_entity_decode( $value, ENT_QUOTES | ENT_HTML5, 'UTF-8' ), ':' ) ) {
		return $value;
	}
	return esc_url( $value, array( 'http', 'https' ) );
}

/** A problem the element cannot see, shown where the widget would be, in the widget's words. */
function ceop_stats_notice( $message ) {
	return '<div class="ceop-stats-notice" role="alert" style="padding:16px;border:1px solid #b35900;border-radius:8px;background:#fff8f0;color:#1f2328">'
		. '<strong>' . esc_html__( 'The chart cannot be shown', 'ceop-stats' ) . '</strong> '
		. esc_html( $message ) . '</div>';
}

/**
 * [ceop_stats metric="arrests" from="2008" no-animation]...[/ceop_stats]
 * Booleans are on when named, as in HTML. Enclosed content (a table or JSON
 * script) is the element's data.
 */
function ceop_stats_shortcode( $atts, $content = '' ) {
	$known      = ceop_stats_attributes();
	$attributes = array();
	$unknown    = array();
	foreach ( is_array( $atts ) ? $atts : array() as $key => $value ) {
		// A bare word ([ceop_stats no-animation]) comes as a value with a numeric key.
		$name = strtolower( trim( is_int( $key ) ? (string) $value : (string) $key ) );
		if ( ! isset( $known[ $name ] ) ) {
			$unknown[] = $name;
		} elseif ( $known[ $name ]['boolean'] ) {
			$attributes[ $name ] = true;
		} else {
			$attributes[ $name ] = is_int( $key ) ? '' : (string) $value;
		}
	}
	if ( $unknown ) {
		return ceop_stats_notice(
			sprintf(
				/* translators: 1: the unknown attribute names, 2: the attributes the element knows */
				__( '[ceop_stats]: the attribute %1$s is not one the widget knows. Use %2$s.', 'ceop-stats' ),
				'"' . implode( '", "', $unknown ) . '"',
				implode( ', ', array_keys( $known ) )
			)
		);
	}
	return ceop_stats_element( $attributes, is_string( $content ) ? trim( shortcode_unautop( $content ) ) : '' );
}
add_shortcode( 'ceop_stats', 'ceop_stats_shortcode' );

// Quotes and dashes in the enclosed table stay as the editor typed them.
add_filter(
	'no_texturize_shortcodes',
	function ( $shortcodes ) {
		$shortcodes[] = 'ceop_stats';
		return $shortcodes;
	}
);
