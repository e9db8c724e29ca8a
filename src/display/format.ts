/**
 * Number formatting for the reader's locale, through one cache of
 * `Intl.NumberFormat`s for the whole page: counters format a value on every
 * animation frame, and the table reader asks for a locale's separators.
 */

/** How numbers are written: whole counts (1,038), whole percentages (49%), or the locale's plain default, decimals included. */
export type NumberStyle = 'count' | 'percent' | 'plain';

const STYLES: Record<NumberStyle, Intl.NumberFormatOptions> = {
  count: { maximumFractionDigits: 0 },
  percent: { style: 'percent', maximumFractionDigits: 0 },
  plain: {},
};

const formats = new Map<string, Intl.NumberFormat>();

/** True when `tag` is a well-formed BCP 47 language tag. */
export function isValidLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** The cached format; throws a RangeError for a malformed locale, as Intl does. */
export function numberFormat(locale: string, style: NumberStyle = 'count'): Intl.NumberFormat {
  const key = `${style} ${locale}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, STYLES[style]);
    formats.set(key, format);
  }
  return format;
}

/** A whole count in the locale's style: 1,038 in en-GB, 1.038 in de. */
export function formatCount(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}

/** Whole percentages in the locale's style: 49% in en-GB, 49 % in de. */
export function percentFormat(locale: string): Intl.NumberFormat {
  return numberFormat(locale, 'percent');
}
