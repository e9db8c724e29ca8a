/**
 * Number formatting for the reader's locale. Formatters are cached because
 * counters format a value on every animation frame.
 */

const formatters = new Map<string, Intl.NumberFormat>();

/** True when `tag` is a well-formed BCP 47 language tag. */
export function isValidLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

export function numberFormat(locale: string): Intl.NumberFormat {
  let format = formatters.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    formatters.set(locale, format);
  }
  return format;
}

/** A whole count in the locale's style: 1,038 in en-GB, 1.038 in de. */
export function formatCount(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}

const percentFormatters = new Map<string, Intl.NumberFormat>();

/** Whole percentages in the locale's style: 49% in en-GB, 49 % in de. */
export function percentFormat(locale: string): Intl.NumberFormat {
  let format = percentFormatters.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    percentFormatters.set(locale, format);
  }
  return format;
}
