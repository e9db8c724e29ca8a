/**
 * Number formatting for the reader's locale, through one cache of
 * `Intl.NumberFormat`s for the whole page (counters format a value on every
 * animation frame, and the table reader asks for a locale's separators), and
 * without Intl for English and Welsh (comma-grouped.ts says why).
 */
import { boundedCache } from './bounded-cache.js';
import { COMMA_GROUPED, commaGrouped } from './comma-grouped.js';

/** How numbers are written: whole counts (1,038), whole percentages (49%), or the locale's plain default, decimals included. */
export type NumberStyle = 'count' | 'percent' | 'plain';

const STYLES: Record<NumberStyle, Intl.NumberFormatOptions> = {
  count: { maximumFractionDigits: 0 },
  percent: { style: 'percent', maximumFractionDigits: 0 },
  plain: {},
};

/** Three styles for each locale a page's widgets use (16 locales). */
const formats = boundedCache<Intl.NumberFormat>(48);

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
  return formats(`${style} ${locale}`, () => new Intl.NumberFormat(locale, STYLES[style]));
}

function format(value: number, locale: string, style: 'count' | 'percent'): string {
  const written = COMMA_GROUPED.test(locale) ? commaGrouped(value, style === 'percent' ? 2 : 0) : undefined;
  if (written === undefined) return numberFormat(locale, style).format(value);
  return style === 'percent' ? `${written}%` : written;
}

/** A whole count in the locale's style: 1,038 in en-GB, 1.038 in de. */
export function formatCount(value: number, locale: string): string {
  return format(value, locale, 'count');
}

/** A whole percentage in the locale's style: 49% in en-GB, 49 % in de (0.49 is 49%). */
export function formatPercent(value: number, locale: string): string {
  return format(value, locale, 'percent');
}
