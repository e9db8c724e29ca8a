/**
 * Debian's Chromium as every script here launches it: the binary (the
 * `chromium` command is a wrapper script) and the flags a headless run as
 * root on this machine needs (no sandbox as root; no GPU; nothing that calls
 * out to the network, which is closed here). Shared by the test engines, the
 * benchmark, Lighthouse and the screenshots.
 */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/lib/chromium/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
