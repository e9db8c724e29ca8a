<?php
/**
 * The test sites' configuration (copied into the private WordPress tree by
 * test/infra/wordpress/server.mjs, with the __PLACEHOLDERS__ filled in). One tree
 * serves two sites, told apart by the path they are under: /wordpress/, a
 * single site, and /wordpress-network/, the main site of a multisite network.
 * Both use one private MariaDB, reached through its socket only.
 */
$ceop_site = getenv( 'CEOP_WP_SITE' );
if ( ! $ceop_site ) {
	$ceop_site = 0 === strpos( isset( $_SERVER['REQUEST_URI'] ) ? $_SERVER['REQUEST_URI'] : '', '/wordpress-network/' ) ? 'network' : 'single';
}

define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:__SOCKET__' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
$table_prefix = 'network' === $ceop_site ? 'net_' : 'wp_';

foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as $ceop_key ) {
	define( $ceop_key, '__SALT__' . $ceop_key );
}

// Application passwords over plain http on 127.0.0.1.
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '__TMP__/debug.log' );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'WP_CONTENT_DIR', __DIR__ . '/wp-content' );

if ( 'network' === $ceop_site && file_exists( '__TMP__/network-installed' ) ) {
	define( 'WP_ALLOW_MULTISITE', true );
	define( 'MULTISITE', true );
	define( 'SUBDOMAIN_INSTALL', false );
	define( 'DOMAIN_CURRENT_SITE', '__HOST__' );
	define( 'PATH_CURRENT_SITE', '/wordpress-network/' );
	define( 'SITE_ID_CURRENT_SITE', 1 );
	define( 'BLOG_ID_CURRENT_SITE', 1 );
}

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
