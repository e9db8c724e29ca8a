<?php
/**
 * The iframe embed served by the site, and oEmbed for it.
 *
 * https://site/?ceop_stats_embed=1&metric=arrests&from=2008 is the widget's
 * embed page (dist/embed.js reads the element's attributes from the query and
 * ignores ceop_stats_embed), with a discovery link to the oEmbed endpoint
 * ceop-stats/v1/oembed, so a WordPress or a CMS that reads oEmbed turns the
 * pasted URL into the iframe. This site answers for its own URLs directly
 * (pre_oembed_result), without a request to itself.
 */

defined( 'ABSPATH' ) || exit;

const CEOP_STATS_EMBED_HEIGHT = 540;

/** The embed's name: the iframe's title, the oEmbed answer's, the fallback link's text and the embed page's. */
function ceop_stats_embed_title() {
	return __( 'CEOP annual results', 'ceop-stats' );
}

/**
 * Whether $url is this site's embed URL: home_url's scheme (http or https), host, port and path, and a
 * ceop_stats_embed parameter. Anything else is not ours to answer or to turn into an iframe: another
 * scheme (javascript:, file:, gopher:, or https on an http site) would give the iframe an empty or
 * foreign src, and its oEmbed caches nothing uninstall could recognise as the plugin's.
 */
function ceop_stats_is_embed_url( $url ) {
	$home = wp_parse_url( home_url( '/' ) );
	$part = wp_parse_url( (string) $url );
	if ( ! $home || ! $part || empty( $home['scheme'] ) || empty( $part['scheme'] ) || empty( $part['host'] ) || empty( $part['query'] ) || isset( $part['user'] ) || isset( $part['pass'] ) ) {
		return false;
	}
	$scheme = strtolower( $part['scheme'] );
	if ( ! in_array( $scheme, array( 'http', 'https' ), true ) || strtolower( $home['scheme'] ) !== $scheme ) {
		return false;
	}
	$port = function ( $p ) use ( $scheme ) {
		return isset( $p['port'] ) ? (int) $p['port'] : ( 'https' === $scheme ? 443 : 80 );
	};
	return strtolower( $part['host'] ) === strtolower( $home['host'] )
		&& $port( $part ) === $port( $home )
		&& rtrim( isset( $part['path'] ) ? $part['path'] : '/', '/' ) === rtrim( isset( $home['path'] ) ? $home['path'] : '/', '/' )
		&& ceop_stats_query_has( $part['query'], 'ceop_stats_embed' );
}

/**
 * Whether a query string has a parameter of that name. Read pair by pair, not with parse_str(), which
 * stops at max_input_vars (1,000) parameters and warns, with the file's path, into the page.
 */
function ceop_stats_query_has( $query, $name ) {
	foreach ( explode( '&', (string) $query ) as $pair ) {
		$key = strstr( $pair, '=', true );
		if ( urldecode( false === $key ? $pair : $key ) === $name ) {
			return true;
		}
	}
	return false;
}

function ceop_stats_oembed_endpoint( $url ) {
	return add_query_arg( 'url', rawurlencode( $url ), rest_url( 'ceop-stats/v1/oembed' ) );
}

function ceop_stats_iframe( $url, $width = null, $height = null ) {
	return sprintf(
		// frameborder: another WordPress's kses drops the style, and keeps this (obsolete, still honoured) attribute.
		'<iframe src="%1$s" title="%2$s" width="%3$s" height="%4$d" style="border:0" frameborder="0" loading="lazy" class="ceop-stats-embed"></iframe>',
		esc_url( $url ),
		esc_attr( ceop_stats_embed_title() ),
		$width ? (int) $width : '100%',
		$height ? (int) $height : CEOP_STATS_EMBED_HEIGHT
	) . sprintf( '<script async src="%s"></script>', esc_url( ceop_stats_dist_url( 'embed-resize.js' ) ) );
}

/**
 * What another WordPress keeps of our iframe: it sandboxes it and adds a secret, and loads wp-embed.js
 * (which follows the embed page's height messages) only for oEmbed HTML with a blockquote before the
 * iframe. The blockquote is its fallback link while the iframe is hidden, until the first message;
 * WordPress drops the hidden attribute, other consumers keep it.
 */
function ceop_stats_oembed_fallback( $url ) {
	return sprintf(
		'<blockquote class="wp-embedded-content" hidden><a href="%1$s">%2$s</a></blockquote>',
		esc_url( $url ),
		esc_html( ceop_stats_embed_title() )
	);
}

function ceop_stats_oembed_data( $url, $maxwidth = 0, $maxheight = 0 ) {
	$width  = $maxwidth > 0 ? min( (int) $maxwidth, 1200 ) : 600;
	$height = $maxheight > 0 ? min( (int) $maxheight, CEOP_STATS_EMBED_HEIGHT ) : CEOP_STATS_EMBED_HEIGHT;
	return array(
		'version'       => '1.0',
		'type'          => 'rich',
		'title'         => ceop_stats_embed_title(),
		'provider_name' => get_bloginfo( 'name' ),
		'provider_url'  => home_url( '/' ),
		'width'         => $width,
		'height'        => $height,
		'html'          => ceop_stats_iframe( $url, null, $height ),
	);
}

/** The embed page: the plugin's dist/embed.js and embed.css, with the oEmbed discovery link. */
function ceop_stats_serve_embed() {
	if ( ! isset( $_GET['ceop_stats_embed'] ) ) { // phpcs:ignore WordPress.Security.NonceVerification -- a public, read-only page.
		return;
	}
	$query = isset( $_SERVER['QUERY_STRING'] ) ? (string) wp_unslash( $_SERVER['QUERY_STRING'] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- escaped where it is output.
	$url   = home_url( '/' ) . '?' . $query;
	// The README's strict policy; the plugin's files may come from a CDN origin that plugins_url() points at.
	$dist   = wp_parse_url( ceop_stats_dist_url( '' ) );
	$origin = isset( $dist['scheme'], $dist['host'] ) ? ' ' . $dist['scheme'] . '://' . $dist['host'] . ( isset( $dist['port'] ) ? ':' . $dist['port'] : '' ) : '';
	header( 'Content-Type: text/html; charset=utf-8' );
	header( "Content-Security-Policy: default-src 'self'{$origin}; script-src 'self'{$origin}; style-src 'self'{$origin}; require-trusted-types-for 'script'" );
	header( 'X-Robots-Tag: noindex' );
	echo '<!doctype html><html lang="en"><head><meta charset="utf-8">'
		. '<meta name="viewport" content="width=device-width, initial-scale=1">'
		. '<meta name="referrer" content="strict-origin-when-cross-origin">'
		. '<title>' . esc_html( ceop_stats_embed_title() ) . '</title>'
		. '<link rel="alternate" type="application/json+oembed" href="' . esc_url( ceop_stats_oembed_endpoint( $url ) ) . '">'
		. '<link rel="stylesheet" href="' . esc_url( ceop_stats_dist_url( 'embed.css' ) ) . '">'
		. '<script type="module" src="' . esc_url( ceop_stats_dist_url( 'embed.js' ) ) . '"></script>'
		. '</head><body><noscript><p>' . esc_html__( "This chart of CEOP's annual results needs JavaScript.", 'ceop-stats' ) . '</p></noscript></body></html>';
	exit;
}
add_action( 'template_redirect', 'ceop_stats_serve_embed', 0 );

function ceop_stats_register_oembed_route() {
	register_rest_route(
		'ceop-stats/v1',
		'/oembed',
		array(
			'methods'             => 'GET',
			'permission_callback' => '__return_true',
			'args'                => array(
				'url'       => array( 'required' => true, 'type' => 'string' ),
				'maxwidth'  => array( 'type' => 'integer', 'default' => 0 ),
				'maxheight' => array( 'type' => 'integer', 'default' => 0 ),
			),
			'callback'            => function ( WP_REST_Request $request ) {
				$url = (string) $request['url'];
				if ( ! ceop_stats_is_embed_url( $url ) ) {
					return new WP_Error( 'oembed_invalid_url', __( 'Not an embed URL of this site.', 'ceop-stats' ), array( 'status' => 404 ) );
				}
				$data         = ceop_stats_oembed_data( $url, (int) $request['maxwidth'], (int) $request['maxheight'] );
				$data['html'] = ceop_stats_oembed_fallback( $url ) . $data['html'];
				return $data;
			},
		)
	);
}
add_action( 'rest_api_init', 'ceop_stats_register_oembed_route' );

function ceop_stats_pre_oembed_result( $result, $url, $args ) {
	if ( null !== $result || ! ceop_stats_is_embed_url( $url ) ) {
		return $result;
	}
	$data = ceop_stats_oembed_data( $url, isset( $args['width'] ) ? (int) $args['width'] : 0, isset( $args['height'] ) ? (int) $args['height'] : 0 );
	return $data['html'];
}
add_filter( 'pre_oembed_result', 'ceop_stats_pre_oembed_result', 10, 3 );
