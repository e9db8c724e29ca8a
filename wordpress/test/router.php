<?php
/**
 * Router for `php -S` (test/infra/wordpress/server.mjs): the document root holds
 * wordpress/ and wordpress-network/, both the same WordPress tree. A file
 * that exists is served (PHP run, anything else sent as it is); any other
 * path goes to its site's index.php, as WordPress's rewrite rules would.
 */
$ceop_path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
if ( ! preg_match( '#^/(wordpress|wordpress-network)(/|$)#', $ceop_path, $ceop_site ) || false !== strpos( $ceop_path, '..' ) ) {
	http_response_code( 404 );
	return true;
}
$ceop_file = $_SERVER['DOCUMENT_ROOT'] . $ceop_path;
if ( is_dir( $ceop_file ) ) {
	$ceop_file = rtrim( $ceop_file, '/' ) . '/index.php';
}
if ( is_file( $ceop_file ) && '.php' !== substr( $ceop_file, -4 ) ) {
	return false;
}
if ( ! is_file( $ceop_file ) ) {
	$ceop_file = $_SERVER['DOCUMENT_ROOT'] . '/' . $ceop_site[1] . '/index.php';
}
$_SERVER['SCRIPT_FILENAME'] = $ceop_file;
$_SERVER['SCRIPT_NAME']     = substr( $ceop_file, strlen( $_SERVER['DOCUMENT_ROOT'] ) );
$_SERVER['PHP_SELF']        = $_SERVER['SCRIPT_NAME'];
chdir( dirname( $ceop_file ) );
require $ceop_file;
