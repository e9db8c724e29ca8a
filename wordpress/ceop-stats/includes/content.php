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

/**
 * Where the first closing tag </$name ...> at or after $from starts and ends, as [start, end], or null when there is
 * none. A linear scan: a regex over a post's content can fail past PCRE's backtrack limit (1 MB of `.*?` is enough),
 * and its null would take the whole content with it.
 */
function ceop_stats_closing_tag( $text, $name, $from ) {
	$needle = '</' . $name;
	while ( false !== ( $close = stripos( $text, $needle, $from ) ) ) {
		$after  = $close + strlen( $needle );
		$after += (int) strspn( $text, " \t\n\r\f\v", $after );
		if ( isset( $text[ $after ] ) && '>' === $text[ $after ] ) {
			return array( $close, $after + 1 );
		}
		$from = $close + strlen( $needle );
	}
	return null;
}

/** Where the last $needle (any case) starting before $before is, or -1. */
function ceop_stats_last_before( $text, $needle, $before ) {
	if ( $before <= 0 ) {
		return -1;
	}
	// A negative offset makes strripos search backwards from there: no copy of the content before it.
	$found = strripos( $text, $needle, $before - 1 - strlen( $text ) );
	return false === $found ? -1 : $found;
}

/** Whether $at is inside a widget: after an opening <ceop-stats or [ceop_stats that no closing one follows before $at. */
function ceop_stats_in_widget( $text, $at ) {
	$open  = max( ceop_stats_last_before( $text, '<ceop-stats', $at ), ceop_stats_last_before( $text, '[ceop_stats', $at ) );
	$close = max( ceop_stats_last_before( $text, '</ceop-stats', $at ), ceop_stats_last_before( $text, '[/ceop_stats]', $at ) );
	return $open >= 0 && $open > $close;
}

/** Whether $at is in markup, not inside a tag: kses leaves no ">" inside a tag, so the last "<" before it must be closed. */
function ceop_stats_outside_tags( $text, $at ) {
	$lt = ceop_stats_last_before( $text, '<', $at );
	if ( $lt < 0 ) {
		return true;
	}
	$gt = strpos( $text, '>', $lt );
	return false !== $gt && $gt < $at;
}

/*
 * Inline JSON data, for roles whose posts kses filters. kses cannot allow a
 * <script> by its type: when a required attribute fails, it keeps the bare
 * <script> tag (wp_kses_attr in WordPress 6.1), which would run. So each
 * <script type="application/json"> in a widget (a <ceop-stats> element or
 * [ceop_stats] shortcode, the only places the element reads it from) is taken
 * out before kses and put back after, its text re-encoded from the parsed
 * JSON with < > & escaped, so that nothing in it can end the script. Anything
 * else is left to kses, which removes the tag and keeps its text, as it does
 * without the plugin.
 */
$GLOBALS['ceop_stats_json'] = array();

function ceop_stats_json_out( $content ) {
	$GLOBALS['ceop_stats_json'] = array();
	if ( ! has_filter( 'content_save_pre', 'wp_filter_post_kses' ) || ! is_string( $content ) || false === stripos( $content, 'application/json' ) ) {
		return $content;
	}
	$text  = wp_unslash( $content );
	$token = wp_generate_password( 12, false );
	$data  = array();
	$out   = '';
	$done  = 0;
	$at    = 0;
	while ( false !== ( $start = stripos( $text, '<script', $at ) ) ) {
		$at = $start + strlen( '<script' );
		// Only the opening tag is matched by a regex, on a bounded slice: it cannot run away on a big post.
		if ( ! preg_match( '#^<script\s+type=(["\'])application/json\1\s*>#i', substr( $text, $start, 256 ), $open ) ) {
			continue;
		}
		$body  = $start + strlen( $open[0] );
		$close = ceop_stats_closing_tag( $text, 'script', $body );
		if ( null === $close ) {
			break;
		}
		$at = $close[1];
		if ( ! ceop_stats_in_widget( $text, $start ) ) {
			continue;
		}
		$json  = substr( $text, $body, $close[0] - $body );
		$value = json_decode( $json );
		if ( null === $value && 'null' !== strtolower( trim( $json ) ) ) {
			continue;
		}
		$encoded = wp_json_encode( $value, JSON_HEX_TAG | JSON_HEX_AMP | JSON_UNESCAPED_UNICODE | JSON_PRETTY_PRINT );
		if ( false === $encoded ) {
			continue;
		}
		$data[] = $encoded;
		$out   .= substr( $text, $done, $start - $done ) . '<!--ceop-stats-json-' . $token . '-' . ( count( $data ) - 1 ) . '-->';
		$done   = $close[1];
	}
	if ( ! $data ) {
		return $content;
	}
	$GLOBALS['ceop_stats_json'] = array(
		'token' => $token,
		'data'  => $data,
	);
	return wp_slash( $out . substr( $text, $done ) );
}

function ceop_stats_json_in( $content ) {
	if ( empty( $GLOBALS['ceop_stats_json']['data'] ) || ! is_string( $content ) ) {
		return $content;
	}
	$kept                       = $GLOBALS['ceop_stats_json'];
	$GLOBALS['ceop_stats_json'] = array();
	$text                       = wp_unslash( $content );
	$prefix                     = '<!--ceop-stats-json-' . $kept['token'] . '-';
	$out                        = '';
	$done                       = 0;
	while ( false !== ( $at = strpos( $text, $prefix, $done ) ) ) {
		$digits = (int) strspn( $text, '0123456789', $at + strlen( $prefix ) );
		$end    = $at + strlen( $prefix ) + $digits;
		$index  = (int) substr( $text, $at + strlen( $prefix ), $digits );
		$out   .= substr( $text, $done, $at - $done );
		$done   = $at + strlen( $prefix );
		if ( ! $digits || '-->' !== substr( $text, $end, 3 ) || ! isset( $kept['data'][ $index ] ) ) {
			$out .= substr( $text, $at, $done - $at );
			continue;
		}
		// Live again only where kses left it as markup in a widget. Where kses made its surroundings text (or it
		// ended up inside a tag), the data stays as text too, as kses leaves a script it removes.
		$out .= ceop_stats_outside_tags( $text, $at ) && ceop_stats_in_widget( $text, $at )
			? '<script type="application/json">' . $kept['data'][ $index ] . '</script>'
			: esc_html( $kept['data'][ $index ] );
		unset( $kept['data'][ $index ] );
		$done = $end + 3;
	}
	return wp_slash( $out . substr( $text, $done ) );
}
// Around wp_filter_post_kses (10).
add_filter( 'content_save_pre', 'ceop_stats_json_out', 9 );
add_filter( 'content_save_pre', 'ceop_stats_json_in', 11 );

/*
 * Pasted widgets, taken out of the content before wpautop and wptexturize and
 * put back after. Each one's placeholder carries a random token, kept only in
 * this request's memory with the ID of the post it came from: a post cannot
 * call up another's widget by typing a placeholder (in a REST list or a feed,
 * many posts go through the_content in one request), nor guess a token. A
 * placeholder that matches nothing of this post stays an empty <div>.
 */
$GLOBALS['ceop_stats_kept'] = array();

function ceop_stats_current_post() {
	$id = get_the_ID();
	return $id ? (int) $id : 0;
}

function ceop_stats_keep_elements( $content ) {
	if ( ! is_string( $content ) || false === stripos( $content, '<ceop-stats' ) ) {
		return $content;
	}
	ceop_stats_enqueue();
	$post = ceop_stats_current_post();
	$out  = '';
	$done = 0;
	$at   = 0;
	while ( false !== ( $start = stripos( $content, '<ceop-stats', $at ) ) ) {
		$at = $start + strlen( '<ceop-stats' );
		if ( ! isset( $content[ $at ] ) || false === strpos( " \t\n\r\f/>", $content[ $at ] ) ) {
			continue;
		}
		$open_end = strpos( $content, '>', $at );
		$close    = false === $open_end ? null : ceop_stats_closing_tag( $content, 'ceop-stats', $open_end + 1 );
		if ( null === $close ) {
			// Unclosed: the rest of the post is left as it was written, for the browser to parse.
			break;
		}
		$token                                = wp_generate_password( 20, false );
		$GLOBALS['ceop_stats_kept'][ $token ] = array(
			'post' => $post,
			'html' => substr( $content, $start, $close[1] - $start ),
		);
		// A <div> is a block to wpautop: it is neither wrapped in a paragraph nor split.
		$out .= substr( $content, $done, $start - $done ) . '<div data-ceop-stats-kept="' . $token . '"></div>';
		$done = $close[1];
		$at   = $close[1];
	}
	return $done ? $out . substr( $content, $done ) : $content;
}

function ceop_stats_restore_elements( $content ) {
	if ( ! $GLOBALS['ceop_stats_kept'] || ! is_string( $content ) ) {
		return $content;
	}
	$post   = ceop_stats_current_post();
	$prefix = '<div data-ceop-stats-kept="';
	$out    = '';
	$done   = 0;
	while ( false !== ( $at = strpos( $content, $prefix, $done ) ) ) {
		$from   = $at + strlen( $prefix );
		$length = (int) strspn( $content, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', $from );
		$token  = substr( $content, $from, $length );
		$kept   = $length && isset( $GLOBALS['ceop_stats_kept'][ $token ] ) ? $GLOBALS['ceop_stats_kept'][ $token ] : null;
		if ( $kept && $post === $kept['post'] && '"></div>' === substr( $content, $from + $length, 8 ) ) {
			$out .= substr( $content, $done, $at - $done ) . $kept['html'];
			unset( $GLOBALS['ceop_stats_kept'][ $token ] );
			$done = $from + $length + 8;
		} else {
			$out .= substr( $content, $done, $from - $done );
			$done = $from;
		}
	}
	return $out . substr( $content, $done );
}
// Before do_blocks (9), wptexturize and wpautop (10); back after do_shortcode (11).
add_filter( 'the_content', 'ceop_stats_keep_elements', 8 );
add_filter( 'the_content', 'ceop_stats_restore_elements', 12 );
