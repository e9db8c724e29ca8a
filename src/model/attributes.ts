/**
 * Turns the element's attributes into the options a render needs, by
 * allow-list: every value is checked against what the data offers, and a bad
 * one yields a message that says what is wrong and what is allowed.
 */
import { type Dataset, type Measure, type Source, describeValue, startYear } from './dataset.js';
import { type Result, attempt, fail, problemResult, webUrl } from './result.js';
import { isValidLocale } from './format.js';
import { ATTRIBUTES, type AttributesThat, type Choice, type ChoiceProperty, type RawAttributes } from './attribute-table.js';

export type Theme = Choice<'theme'>;

/** Where relative URLs point on the server, which does not know the page's address: any URL checks out as it would in a browser. */
export const SERVER_BASE_URL = 'https://server.invalid/';

/** The request `src` names, as checked. */
export interface FetchOptions {
  url: string;
  credentials: RequestCredentials;
  /** Milliseconds before the request is given up. */
  timeout: number;
}

/** The attributes that say what is shown, as the page wrote them. */
export type RawOptions = RawAttributes<'metric' | 'from' | 'to' | 'highlight' | 'theme' | 'locale'>;

export interface WidgetOptions {
  measure: Measure;
  /** Index range of the years shown, inclusive. */
  first: number;
  last: number;
  highlight: Choice<'highlight'>;
  theme: Theme;
  locale: string;
}

/**
 * An attribute or property value as trimmed text, or undefined when not set
 * or blank. Properties may hold anything a framework passes; this never throws.
 */
export function given(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  let text: string;
  try {
    // An object's own toString is how some frameworks pass values; String() uses it.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    text = String(value);
  } catch {
    text = describeValue(value);
  }
  const trimmed = text.trim();
  return trimmed ? trimmed : undefined;
}

function listOf(values: readonly string[]): string {
  return values.length === 1 ? values[0]! : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** The allowed value a choice attribute's text names, without regard to case or surrounding spaces; undefined for any other. */
function allowedValue<P extends ChoiceProperty>(property: P, text: string | undefined): Choice<P> | undefined {
  const values: readonly Choice<P>[] = ATTRIBUTES[property].values;
  return values.find((allowed) => allowed === text?.toLowerCase());
}

/** A choice attribute's value (each is named as its property is), or its default when not set; anything else is refused, naming the allowed values. */
function oneOf<P extends ChoiceProperty>(property: P, raw: unknown): Choice<P> {
  const text = given(raw);
  if (text === undefined) return ATTRIBUTES[property].default;
  const value = allowedValue(property, text);
  if (value === undefined) fail(`${property}=${describeValue(text)} is not allowed. Use ${listOf(ATTRIBUTES[property].values)}.`);
  return value;
}

function yearIndex(name: 'from' | 'to', raw: string | undefined, starts: number[]): number | undefined {
  if (raw === undefined) return undefined;
  const range = `${starts[0]} to ${starts[starts.length - 1]}`;
  if (!/^\d{4}$/.test(raw)) {
    fail(`${name}=${describeValue(raw)} is not a year. Use a four-digit year from ${range}.`);
  }
  const year = Number(raw);
  const index = starts.indexOf(year);
  if (index === -1) {
    fail(
      `${name}=${describeValue(raw)} is not a year in the data. Use a year from ${range}` +
        (starts.length < 12 ? ` (${starts.join(', ')}).` : '.'),
    );
  }
  return index;
}

/**
 * The colour scheme the styles use, read as parseOptions reads it (without
 * regard to case or surrounding spaces); a value it rejects draws light-or-auto
 * as `auto`, beside the alert that reports it.
 */
export function themeOf(raw: unknown): Theme {
  return allowedValue('theme', given(raw)) ?? ATTRIBUTES.theme.default;
}

/**
 * The locale to use: the `locale` attribute when it is a valid tag, else the
 * page's language, else en-GB. Never throws; reporting a bad attribute is
 * parseOptions's job.
 */
export function resolveLocale(attribute: unknown, fallbackLocale: string): string {
  const locale = given(attribute);
  if (locale !== undefined && isValidLocale(locale)) return locale;
  return isValidLocale(fallbackLocale) ? fallbackLocale : 'en-GB';
}

/**
 * @param fallbackLocale the page's language or the browser's, used when no
 *   `locale` attribute is given.
 */
export function parseOptions(raw: RawOptions, dataset: Dataset, fallbackLocale: string): Result<WidgetOptions> {
  return attempt('attribute', () => {
    const ids = dataset.measures.map((m) => m.id);
    const metric = given(raw.metric);
    const measure = metric === undefined ? dataset.measures[0]! : dataset.measures.find((m) => m.id === metric.toLowerCase());
    if (!measure) {
      fail(`metric=${describeValue(metric)} is not a measure in the data. Use ${listOf(ids)}.`);
    }
    const starts = dataset.years.map((y) => startYear(y)!);
    const fromText = given(raw.from);
    const toText = given(raw.to);
    const first = yearIndex('from', fromText, starts) ?? 0;
    const last = yearIndex('to', toText, starts) ?? starts.length - 1;
    if (first > last) {
      fail(`from=${describeValue(fromText)} is after to=${describeValue(toText)}. The first year must not come after the last.`);
    }
    const highlight = oneOf('highlight', raw.highlight);
    const theme = oneOf('theme', raw.theme);
    const localeAttribute = given(raw.locale);
    if (localeAttribute !== undefined && !isValidLocale(localeAttribute)) {
      fail(`locale=${describeValue(localeAttribute)} is not a language tag. Use a BCP 47 tag such as en-GB, cy or de.`);
    }
    const locale = resolveLocale(localeAttribute, fallbackLocale);
    return { measure, first, last, highlight, theme, locale };
  });
}

/** The attributes of the source line, as the page wrote them. */
export type RawSourceOptions = RawAttributes<'sourceLabel' | 'sourceUrl' | 'noSource'>;

/**
 * The source line: the data's source, with its text and link overridden by
 * `source-label` and `source-url`, or none with `no-source`. A label alone
 * keeps the data's link; a link alone keeps the data's label.
 */
export function parseSourceOptions(raw: RawSourceOptions, dataSource: Source | undefined, baseUrl: string): Result<Source | undefined> {
  if (raw.noSource === true) return { ok: true, value: undefined };
  const urlText = given(raw.sourceUrl);
  const url = urlText === undefined ? undefined : webUrl(urlText, baseUrl);
  if (urlText !== undefined && !url) {
    return problemResult('attribute', `source-url=${describeValue(urlText)} is not an http or https URL. Give the address of the source.`);
  }
  // On a server, which cannot know the page's address, a relative link stays as written: the reader's browser resolves it
  // against the page, as the widget does there. (No page is at the reserved .invalid address.)
  const relativeOnServer = url?.href.startsWith(SERVER_BASE_URL) ? urlText : undefined;
  const label = given(raw.sourceLabel) ?? dataSource?.label ?? relativeOnServer ?? url?.hostname;
  if (label === undefined) return { ok: true, value: undefined };
  const link = relativeOnServer ?? url?.href ?? dataSource?.url;
  return { ok: true, value: link === undefined ? { label } : { label, url: link } };
}

/** The attributes of the request for `src`, as the page wrote them. */
export type RawFetchOptions = RawAttributes<AttributesThat<'request'>>;

/**
 * The request `src` asks for, or undefined when there is no `src`. Only
 * http(s) URLs are fetched, resolved against the page; credentials are sent
 * only when the page opts in.
 */
export function parseFetchOptions(raw: RawFetchOptions, baseUrl: string): Result<FetchOptions | undefined> {
  return attempt('attribute', () => {
    const src = given(raw.src);
    const credentials = oneOf('credentials', raw.credentials);
    const { default: fallback, range } = ATTRIBUTES.timeout;
    const [min, max] = range;
    const timeoutText = given(raw.timeout);
    const timeout = Number(timeoutText ?? fallback);
    // No more digits than the highest value has: a run of leading zeros is not a timeout an editor meant.
    const digits = timeoutText !== undefined && /^\d+$/.test(timeoutText) && timeoutText.length <= String(max).length;
    if (timeoutText !== undefined && !(digits && timeout >= min && timeout <= max)) {
      fail(`timeout=${describeValue(timeoutText)} is not allowed. Use a whole number of milliseconds from ${min} to ${max}.`);
    }
    if (src === undefined) return undefined;
    const url = webUrl(src, baseUrl);
    if (!url) {
      fail(`src=${describeValue(src)} is not an http or https URL. Give the address of a JSON file.`);
    }
    return { url: url.href, credentials, timeout };
  });
}
