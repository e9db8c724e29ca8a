/** Debian's Firefox ESR, as the test engines and the real-app tests launch it (puppeteer-core over WebDriver BiDi). */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
