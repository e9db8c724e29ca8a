<?php
/**
 * Plugin Name:       CEOP stats
 * Description:       The <ceop-stats> chart of CEOP's annual results in posts and pages: a [ceop_stats] shortcode, a block, the element pasted by any role that can post, and an iframe embed with oEmbed.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       ceop-stats
 *
 * Thin on purpose: the element checks every value and reports every problem
 * itself, in the widget; PHP only escapes, allows the tag through kses, and
 * loads the module on the pages that show a widget.
 */

defined( 'ABSPATH' ) || exit;

define( 'CEOP_STATS_VERSION', '0.1.0' );
define( 'CEOP_STATS_FILE', __FILE__ );

require_once __DIR__ . '/includes/attributes.php';
require_once __DIR__ . '/includes/assets.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/content.php';
require_once __DIR__ . '/includes/block.php';
require_once __DIR__ . '/includes/embed.php';
