<?php
/**
 * Installs one test site without WP-CLI: `php setup.php single|network HOME`
 * (test/infra/wordpress/server.mjs runs it; for the network, once to install the
 * site and once more, with MULTISITE on, to create the network's users).
 * Prints JSON: each role's user and application password, for the REST API.
 */
list( , $ceop_site, $ceop_home, $ceop_phase ) = array_pad( $argv, 4, 'install' );
putenv( 'CEOP_WP_SITE=' . $ceop_site );
$ceop_parts              = parse_url( $ceop_home );
$_SERVER['HTTP_HOST']    = $ceop_parts['host'] . ( isset( $ceop_parts['port'] ) ? ':' . $ceop_parts['port'] : '' );
$_SERVER['REQUEST_URI']  = $ceop_parts['path'];
$_SERVER['SERVER_NAME']  = $ceop_parts['host'];
$_SERVER['SERVER_PORT']  = isset( $ceop_parts['port'] ) ? $ceop_parts['port'] : 80;
$_SERVER['REQUEST_METHOD'] = 'GET';

if ( 'install' === $ceop_phase ) {
	define( 'WP_INSTALLING', true );
}
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

function ceop_fail( $what ) {
	fwrite( STDERR, $what . "\n" );
	exit( 1 );
}

if ( 'install' === $ceop_phase ) {
	$result = wp_install( 'CEOP stats test', 'admin', 'admin@example.org', false, '', wp_generate_password( 24 ) );
	if ( is_wp_error( $result ) ) {
		ceop_fail( $result->get_error_message() );
	}
	update_option( 'siteurl', untrailingslashit( $ceop_home ) );
	update_option( 'home', untrailingslashit( $ceop_home ) );
	switch_theme( 'twentytwentyone' );
	if ( 'network' === $ceop_site ) {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/network.php';
		// The network's tables and its main site, at the path the test site is under.
		// As wp-admin/network.php does: a single site has no names for the network's tables yet.
		foreach ( $wpdb->tables( 'ms_global' ) as $table => $prefixed ) {
			$wpdb->$table = $prefixed;
		}
		install_network();
		wp_set_current_user( 1 );
		$network = populate_network( 1, $_SERVER['HTTP_HOST'], 'admin@example.org', 'CEOP stats test network', $ceop_parts['path'], false );
		if ( is_wp_error( $network ) ) {
			ceop_fail( $network->get_error_message() );
		}
	}
	if ( getenv( 'CEOP_WP_DEBUG' ) ) {
		global $wpdb;
		fwrite( STDERR, wp_json_encode( array( $wpdb->get_results( "SELECT * FROM {$wpdb->base_prefix}site" ), $wpdb->get_results( "SELECT * FROM {$wpdb->base_prefix}blogs" ) ) ) );
	}
	echo wp_json_encode( array( 'installed' => true ) );
	exit( 0 );
}

$activated = activate_plugin( 'ceop-stats/ceop-stats.php' );
if ( is_wp_error( $activated ) ) {
	ceop_fail( $activated->get_error_message() );
}

$roles = 'network' === $ceop_site ? array( 'administrator', 'editor' ) : array( 'administrator', 'editor', 'author', 'contributor' );
$users = array();
foreach ( $roles as $role ) {
	$login = 'test-' . $role;
	$id    = wp_insert_user(
		array(
			'user_login' => $login,
			'user_pass'  => wp_generate_password( 24 ),
			'user_email' => $login . '@example.org',
			'role'       => $role,
		)
	);
	if ( is_wp_error( $id ) ) {
		ceop_fail( $id->get_error_message() );
	}
	list( $password ) = WP_Application_Passwords::create_new_application_password( $id, array( 'name' => 'ceop-stats tests' ) );
	$users[ $role ] = array(
		'login'          => $login,
		'password'       => $password,
		'unfiltered_html' => user_can( $id, 'unfiltered_html' ),
		'super_admin'    => is_super_admin( $id ),
	);
}
echo wp_json_encode( array( 'users' => $users ) );
