#!/bin/sh
# Installs what the tests need from Debian's packages, where it is missing:
# the three browser engines (never a browser download from npm), the fonts
# the pixel tests read, and a real WordPress with MariaDB and PHP for the
# plugin's tests (test/infra/wordpress/ starts and stops them itself). Run as root, or with sudo on the PATH. `npm run setup`
# runs it and then `npm install`; .ci/run runs it on a fresh machine.
set -eu

need=""
[ -x /usr/lib/chromium/chromium ] || need="$need chromium"
[ -x /usr/bin/firefox-esr ] || need="$need firefox-esr"
[ -x /usr/bin/WebKitWebDriver ] || need="$need webkit2gtk-driver"
[ -x /usr/bin/Xvfb ] || need="$need xvfb xauth"
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need="$need fonts-dejavu-core"
[ -f /usr/share/wordpress/wp-settings.php ] || need="$need wordpress"
[ -f /usr/share/wordpress/wp-content/themes/twentytwentyone/style.css ] || need="$need wordpress-theme-twentytwentyone"
[ -x /usr/sbin/mariadbd ] || need="$need mariadb-server"
[ -x /usr/bin/php ] || need="$need php-cli"
php -m 2>/dev/null | grep -qx mysqli || need="$need php-mysql"
[ -n "$need" ] || exit 0

as_root=""
[ "$(id -u)" -eq 0 ] || as_root="sudo"
echo "Installing from Debian:$need"
export DEBIAN_FRONTEND=noninteractive
$as_root apt-get update -qq
# shellcheck disable=SC2086 # one word per package
$as_root apt-get install -y -qq --no-install-recommends $need >/dev/null
