/**
 * English: every built-in text the reader sees, and the grammar of the
 * sentences built from the data. Its type, `Messages`, is the contract every
 * other language's file must satisfy. English is part of the entry module;
 * other languages are chunks of their own (see index.ts).
 */

import type { Dataset } from '../model/dataset.js';

/** How the latest value compares with the year before it. */
export type Change =
  | { kind: 'same'; year: string }
  | { kind: 'up-from-zero'; year: string }
  | { kind: 'more' | 'fewer'; year: string; /** Formatted for the locale, e.g. "49%". */ percent: string };

/** What the main sentence of the summary says about the latest year shown that has a value. */
export interface LatestFacts {
  /** The measure's label, as the data gives it. */
  label: string;
  /** Formatted for the locale, e.g. "1,038". */
  value: string;
  year: string;
  /** Set when the year is a record: how many record years in a row end with it (1 for a lone record), and the year the run began. */
  record?: { streak: number; since: string };
  /** Unset when the year before has no value, or there is none. */
  change?: Change;
}

/** The ids of the bundled figures' measures and notes (src/model/ceop-figures.ts). */
type BundledMeasureId = 'children' | 'arrests' | 'networks';
type BundledNoteId = 'N1';

/** The bundled figures' own texts in a language other than theirs (English). */
export interface BundledTexts {
  /** Measure labels by measure id. */
  measures: Record<BundledMeasureId, string>;
  /** Note texts by note id. */
  notes: Record<BundledNoteId, string>;
  /** What the totals span, "since April 2006". */
  totalLabel: string;
  /** The source line's text. */
  source: string;
}

export interface Messages {
  /** The language of these texts (BCP 47), set as `lang` on the widget's content for screen readers. */
  lang: string;
  /** Above highlighted bars, a table column and a tooltip's tail: a year higher than every year before. */
  record: string;
  /** Above the latest year's bar when `highlight="latest"`. */
  latest: string;
  /** A year with no value, in the table and tooltips. */
  notReported: string;
  /** The short form drawn on the chart's axis where a year has no value. */
  notReportedMarker: string;
  /** Tooltip line of a record year. */
  recordTooltip: string;
  /** Before the source's name: "Source: CEOP Annual Review…". */
  sourcePrefix: string;
  downloadCsv: string;
  downloadPng: string;
  downloadFailed: string;
  /** In the chart's box, when the chart's code could not be loaded (offline, blocked). */
  chartFailed: string;
  /** Where the table goes when its code could not be loaded (offline, blocked). */
  tableFailed: string;
  /** Title of the alert; the details under it are for editors and stay English. */
  errorTitle: string;
  loading: string;
  showTable: string;
  showChart: string;
  yearColumn: string;
  noteColumn: string;
  /** The chart's role, read by screen readers in place of "application". */
  chartRole: string;
  chartKeys: string;
  /** The chart's accessible name. */
  chartName: (label: string, first: string, last: string) => string;
  /** A tooltip's first line: the measure and a year's formatted value. */
  valueLine: (label: string, value: string) => string;
  /** What the live region says when a year is chosen with the keyboard; `value` is undefined for a year not reported. */
  announcement: (year: string, label: string, value: string | undefined, record: boolean) => string;
  /** A counter's label when it can only sum the years reported (some are missing and no published total covers them). */
  partialLabel: (label: string) => string;
  /** What a screen reader hears for a counter; `period` is the data's `totalLabel`, undefined when it has none or the total is partial. */
  counterSentence: (value: string, label: string, period: string | undefined) => string;
  /** The table's total row heading. */
  totalRow: (period: string | undefined, partial: boolean) => string;
  /** Summary, first sentence when the last year shown has no value: "Not reported in 2004." */
  notReportedIn: (year: string) => string;
  /** Summary, main sentence when no year shown has a value. */
  noneReported: (label: string) => string;
  /** Summary, main sentence: "Arrests: 513 in 2010/11, a record for the fifth year in a row and 23% more than in 2009/10." */
  latestValue: (facts: LatestFacts) => string;
  /** Summary, last sentence: the total and what it spans (the data's `totalLabel`, translated for the bundled figures). */
  totalSentence: (total: string, period: string | undefined, partial: boolean) => string;
  /**
   * The bundled figures with their texts in this language: `figuresIn({ … })`
   * from ./figures.js, given a `BundledTexts`. Null where the figures are
   * already in it. An editor's own data is never translated.
   */
  bundled: ((figures: Dataset) => Dataset) | null;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

export function ordinal(n: number): string {
  if (n >= 1 && n <= ORDINALS.length) return ORDINALS[n - 1]!;
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "Children safeguarded" in mid-sentence, but "CEOP arrests" keeps its capitals. */
function midSentence(label: string): string {
  const first = label.split(' ')[0] ?? '';
  return first.length > 1 && first.slice(1) === first.slice(1).toLowerCase() ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

function change(facts: Change): string {
  if (facts.kind === 'same') return `the same as in ${facts.year}`;
  if (facts.kind === 'up-from-zero') return `up from 0 in ${facts.year}`;
  return `${facts.percent} ${facts.kind} than in ${facts.year}`;
}

export const messages: Messages = {
  lang: 'en',
  record: 'Record',
  latest: 'Latest',
  notReported: 'Not reported',
  notReportedMarker: 'n/r',
  recordTooltip: 'Record: the highest so far',
  sourcePrefix: 'Source:',
  downloadCsv: 'Download data (CSV)',
  downloadPng: 'Download image (PNG)',
  downloadFailed: 'The download could not be made.',
  chartFailed: 'The chart could not be loaded. Show the table, or reload the page to try again.',
  tableFailed: 'The table could not be loaded. Reload the page to try again.',
  errorTitle: 'This chart cannot be shown.',
  loading: 'Loading data…',
  showTable: 'Show table',
  showChart: 'Show chart',
  yearColumn: 'Year',
  noteColumn: 'Note',
  chartRole: 'chart',
  chartKeys: 'Use the left and right arrow keys to go through the years.',
  chartName: (label, first, last) =>
    first === last ? `Bar chart: ${label}, ${first}.` : `Bar chart: ${label} per year, ${first} to ${last}.`,
  valueLine: (label, value) => `${label}: ${value}`,
  announcement: (year, label, value, record) =>
    value === undefined ? `${year}: ${label}, not reported.` : `${year}: ${value} ${midSentence(label)}${record ? ', record' : ''}`,
  partialLabel: (label) => `${label} (years reported only)`,
  counterSentence: (value, label, period) => `${value} ${label} ${period ? period : 'in total'}`,
  totalRow: (period, partial) => (partial ? 'Total of the years reported' : period ? `Total ${period}` : 'Total'),
  notReportedIn: (year) => `Not reported in ${year}.`,
  noneReported: (label) => `${label}: not reported in the years shown.`,
  latestValue: ({ label, value, year, record, change: compared }) => {
    const clauses: string[] = [];
    if (record) clauses.push(record.streak > 1 ? `a record for the ${ordinal(record.streak)} year in a row` : 'a record');
    if (compared) clauses.push(change(compared));
    return `${label}: ${value} in ${year}${clauses.length ? `, ${clauses.join(' and ')}` : ''}.`;
  },
  totalSentence: (total, period, partial) => `${total} ${partial ? 'in the years reported' : (period ?? 'in total')}.`,
  bundled: null,
};
