/**
 * The oracle: what the widget should show for a case. Which attribute it must
 * refuse follows simple rules written out again here, over the allowed values
 * and ranges of the attribute table (src/model/attribute-table.ts); which bars
 * are highlighted follows the table's HIGHLIGHTS. The parsers and the
 * validator give only the exact wording of a problem, once they agree with
 * those rules and with what the generator knows of the data.
 */
import { expect } from '@open-wc/testing';
import type { CeopStatsErrorDetail } from '../../src/ceop-stats.js';
import { datasetFromJson } from '../../src/data/loaders.js';
import type { Messages } from '../../src/messages/en.js';
import { localizeData, messagesFor } from '../../src/messages/index.js';
import { ATTRIBUTES, type ChoiceProperty, HIGHLIGHTS } from '../../src/model/attribute-table.js';
import { parseFetchOptions, parseOptions, resolveLocale } from '../../src/model/attributes.js';
import { CEOP_FIGURES } from '../../src/model/ceop-figures.js';
import type { Dataset } from '../../src/model/dataset.js';
import type { Problem, Result } from '../../src/model/result.js';
import { validateDataset } from '../../src/model/validate-dataset.js';
import { ATTRIBUTE_NAMES, type AttributeName, type AttributeValue } from './attributes.js';
import { type FuzzCase, asProperty } from './cases.js';
import { startOf, sum } from './datasets.js';

export type Expected =
  | {
      kind: 'ready';
      metric: string;
      years: string[];
      heading: string;
      counters: string[];
      /** The bars' colours, left to right, when every bar is tall enough to read from the pixels. */
      bars?: { colors: ('bar' | 'record')[]; values: number[] };
    }
  | { kind: 'error'; code: CeopStatsErrorDetail['code']; matches: (message: string) => boolean; describe: string };

const blank = (value: AttributeValue): value is null => value === null || value.trim() === '';
const allows = (name: ChoiceProperty, word: string) => (ATTRIBUTES[name].values as readonly string[]).includes(word);

/** The first attribute the widget must refuse, by simple rules written out again here; or undefined. */
function firstBadFetchAttribute(a: Record<AttributeName, AttributeValue>): string | undefined {
  const word = (v: string) => v.trim().toLowerCase();
  if (!blank(a.credentials) && !allows('credentials', word(a.credentials))) return 'credentials';
  if (!blank(a.timeout)) {
    const t = a.timeout.trim();
    const [min, max] = ATTRIBUTES.timeout.range;
    if (!/^\d+$/.test(t) || t.length > String(max).length || Number(t) < min || Number(t) > max) return 'timeout';
  }
  return undefined;
}

function firstBadOption(a: Record<AttributeName, AttributeValue>, data: Dataset): string | undefined {
  const word = (v: string) => v.trim().toLowerCase();
  const starts = data.years.map(startOf);
  if (!blank(a.metric) && !data.measures.some((m) => m.id === word(a.metric!))) return 'metric';
  const yearAt = (v: AttributeValue) => (blank(v) ? undefined : /^\d{4}$/.test(v.trim()) ? starts.indexOf(Number(v.trim())) : -1);
  const from = yearAt(a.from);
  const to = yearAt(a.to);
  if (from === -1) return 'from';
  if (to === -1) return 'to';
  if (from !== undefined && to !== undefined && from > to) return 'from';
  if (!blank(a.highlight) && !allows('highlight', word(a.highlight))) return 'highlight';
  if (!blank(a.theme) && !allows('theme', word(a.theme))) return 'theme';
  if (!blank(a.locale)) {
    try {
      Intl.getCanonicalLocales(a.locale.trim());
    } catch {
      return 'locale';
    }
  }
  return undefined;
}

/**
 * Records: years higher than every earlier year. A year not reported could
 * have been as high as the published total leaves over (or anything, with no
 * total), so a year after one is a record only if it beats that too.
 */
function certainRecords(values: readonly (number | null)[], total: number | undefined): boolean[] {
  const unreportedMax = total === undefined ? Infinity : Math.max(0, total - sum(values));
  return values.map((v, i) => v !== null && values.slice(0, i).every((earlier) => (earlier ?? unreportedMax) < v));
}

/** Without `locale`: the page's language if it is a language tag, else the browser's if the page has none, else en-GB. */
function pageFallbackLocale(lang: string): string {
  const tag = lang || navigator.language;
  try {
    return Intl.getCanonicalLocales(tag).length === 1 ? tag : 'en-GB';
  } catch {
    return 'en-GB';
  }
}

/**
 * The values as the widget gets them, for the exact wording of its messages:
 * numbers and arrays are quoted as themselves, but an object is read through
 * its toString, so a message should quote that text (not "{}").
 */
function rawValues(c: FuzzCase): Record<AttributeName, unknown> {
  const entries = ATTRIBUTE_NAMES.map((name) => {
    const value = c.attributes[name];
    if (c.via === 'attributes' || value === null) return [name, value];
    return [name, c.via === 'objects' ? value : asProperty(value, c.via)];
  });
  return Object.fromEntries(entries) as Record<AttributeName, unknown>;
}

/** The built-in texts of a case's language (every language's messages are loaded before the cases start). */
export function messagesOf(c: FuzzCase): Messages {
  return messagesFor(resolveLocale(rawValues(c).locale, c.pageLang || navigator.language)) as Messages;
}

const attributeProblem = (message: string, bad: string | undefined): Expected => {
  expect(message.startsWith(`${bad}=`), `"${message}" is about ${bad}`).to.equal(true);
  return { kind: 'error', code: 'attribute', matches: (m) => m === message, describe: message };
};

function dataProblem(problem: Problem): Expected {
  if (problem.code === 'not-json')
    return { kind: 'error', code: 'not-json', matches: (m) => m.startsWith('inline JSON: not JSON'), describe: 'inline JSON: not JSON…' };
  const message = problem.message;
  return { kind: 'error', code: 'schema', matches: (m) => m === message, describe: message };
}

/** What the generator knows about the data must agree with the validator. */
function checkVerdict(c: FuzzCase, loaded: Result<Dataset> | undefined): void {
  if (c.json !== undefined && c.verdict !== 'unknown') {
    const got = loaded?.ok ? 'ok' : loaded?.code;
    expect(
      got,
      `the data should come to "${c.verdict}" (generator) but the validator says ${loaded?.ok ? 'ok' : loaded?.message}`,
    ).to.equal(c.verdict);
  }
  if (loaded && !loaded.ok && loaded.code === 'not-json') expect(() => JSON.parse(c.json!) as unknown, 'JSON.parse of not-JSON').to.throw();
}

export function expectOutcome(c: FuzzCase): Expected {
  const a = c.attributes;
  // parseFetchOptions and parseOptions give the exact wording; the rules above say which attribute it must be about.
  const raw = rawValues(c);
  const fetch = parseFetchOptions(raw, document.baseURI);
  const data = c.json === undefined ? validateDataset(CEOP_FIGURES) : undefined;
  if (data && !data.ok) throw new Error(`the bundled figures do not validate: ${data.message}`);
  const loaded = c.json === undefined ? undefined : datasetFromJson(c.json, 'inline JSON');
  const dataset = data?.ok ? data.value : loaded?.ok ? loaded.value : undefined;
  checkVerdict(c, loaded);

  const badFetch = firstBadFetchAttribute(a);
  expect(fetch.ok, `credentials/timeout accepted: ${JSON.stringify([a.credentials, a.timeout])}`).to.equal(badFetch === undefined);
  if (!fetch.ok) return attributeProblem(fetch.message, badFetch);
  if (!dataset) return dataProblem(loaded as Problem);

  const options = parseOptions(raw, dataset, c.pageLang || navigator.language);
  const bad = firstBadOption(a, dataset);
  expect(options.ok, `attributes accepted: ${JSON.stringify(a).slice(0, 300)}`).to.equal(bad === undefined);
  if (!options.ok) return attributeProblem(options.message, bad);
  return expectReady(c, dataset);
}

/** A valid case: the measure and years shown, its heading, every measure's counter, and the bars when they can be read. */
function expectReady(c: FuzzCase, dataset: Dataset): Expected {
  const a = c.attributes;
  const word = (v: string) => v.trim().toLowerCase();
  const measure = blank(a.metric) ? dataset.measures[0]! : dataset.measures.find((m) => m.id === word(a.metric!))!;
  const starts = dataset.years.map(startOf);
  const first = blank(a.from) ? 0 : starts.indexOf(Number(a.from.trim()));
  const last = blank(a.to) ? starts.length - 1 : starts.indexOf(Number(a.to.trim()));
  const years = dataset.years.slice(first, last + 1);
  const values = measure.values.slice(first, last + 1);
  const highlight = blank(a.highlight) ? ATTRIBUTES.highlight.default : (word(a.highlight) as keyof typeof HIGHLIGHTS);
  const records = certainRecords(measure.values, measure.total).slice(first, last + 1);
  const format = new Intl.NumberFormat(blank(a.locale) ? pageFallbackLocale(c.pageLang) : a.locale.trim());
  const counters = dataset.measures.map((m) => {
    const total = m.total ?? sum(m.values);
    // A count is never negative: zero must not read "-0".
    return format.format(total === 0 ? 0 : total);
  });
  const bars = expectBars(years, values, HIGHLIGHTS[highlight].picks({ values, records }));
  // The bundled figures speak the widget's language; an editor's data keeps its own words.
  const label =
    c.json === undefined ? localizeData(CEOP_FIGURES, messagesOf(c)).measures.find((m) => m.id === measure.id)!.label : measure.label;
  return { kind: 'ready', metric: measure.id, years, heading: a.heading?.trim() || label, counters, ...(bars ? { bars } : {}) };
}

/** The bars' colours and values, left to right, if every bar can be read from the pixels. */
function expectBars(years: string[], values: (number | null)[], lit: boolean[]) {
  const reported = values.filter((v): v is number => v !== null);
  const tallest = Math.max(0, ...reported);
  // readBars finds bars at least 4 px tall and 3 px wide; long year labels would squeeze the plot.
  const readable =
    years.length <= 12 && years.every((y) => /^\d{4}(\/\d{2})?$/.test(y)) && tallest > 0 && reported.every((v) => v >= tallest / 10);
  if (!readable) return undefined;
  return {
    colors: values.flatMap((v, i) => (v === null ? [] : [lit[i] ? ('record' as const) : ('bar' as const)])),
    values: reported,
  };
}
