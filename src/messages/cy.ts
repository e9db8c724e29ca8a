/**
 * Welsh (Cymraeg). A chunk of its own, fetched only by widgets whose locale
 * is Welsh. To be reviewed by a native speaker before a Welsh-language
 * publication (README, Languages).
 *
 * Numbers with nouns are avoided ("Arestiadau: 513", not "513 arestiad"), so
 * that any label reads correctly after a figure; "yn 2010/11" keeps its
 * digits unmutated, as written Welsh does.
 */
import type { Change, Messages } from './en.js';
import { figuresIn } from './figures.js';

/**
 * "for the fifth year in a row": feminine ordinals, soft-mutated after "y",
 * and "blwyddyn" soft-mutated after them (the noun goes before "ar ddeg" and
 * "ar bymtheg"). Index: the streak.
 */
const YEAR_IN_A_ROW = [
  '',
  '',
  'yr ail flwyddyn',
  'y drydedd flwyddyn',
  'y bedwaredd flwyddyn',
  'y bumed flwyddyn',
  'y chweched flwyddyn',
  'y seithfed flwyddyn',
  'yr wythfed flwyddyn',
  'y nawfed flwyddyn',
  'y ddegfed flwyddyn',
  'yr unfed flwyddyn ar ddeg',
  'y ddeuddegfed flwyddyn',
  'y drydedd flwyddyn ar ddeg',
  'y bedwaredd flwyddyn ar ddeg',
  'y bymthegfed flwyddyn',
  'yr unfed flwyddyn ar bymtheg',
  'yr ail flwyddyn ar bymtheg',
  'y ddeunawfed flwyddyn',
  'y bedwaredd flwyddyn ar bymtheg',
  'yr ugeinfed flwyddyn',
];

function recordClause(streak: number, since: string): string {
  if (streak < 2) return 'record';
  const ordinal = YEAR_IN_A_ROW[streak];
  // Past the twentieth, ordinals in words grow unwieldy: say when the run began instead.
  return ordinal ? `record am ${ordinal} yn olynol` : `record bob blwyddyn ers ${since}`;
}

/** The change from the year before; `afterAnd` gives the form that follows "a" (and), with its mutation or "ac". */
function changeClause(change: Change, afterAnd: boolean): string {
  switch (change.kind) {
    case 'same':
      return `${afterAnd ? "a'r" : 'yr'} un nifer ag yn ${change.year}`;
    case 'up-from-zero':
      return `${afterAnd ? 'ac i' : 'i'} fyny o 0 yn ${change.year}`;
    case 'more':
      return `${afterAnd ? 'a chynnydd' : 'cynnydd'} o ${change.percent} ers ${change.year}`;
    case 'fewer':
      return `${afterAnd ? 'a ' : ''}gostyngiad o ${change.percent} ers ${change.year}`;
  }
}

export const messages: Messages = {
  lang: 'cy',
  // "Record" is Welsh too ("torri record", "nifer record").
  record: 'Record',
  latest: 'Diweddaraf',
  notReported: 'Heb ei adrodd',
  notReportedMarker: 'h/a',
  recordTooltip: 'Record: yr uchaf hyd yma',
  sourcePrefix: 'Ffynhonnell:',
  downloadCsv: 'Lawrlwytho data (CSV)',
  downloadPng: 'Lawrlwytho delwedd (PNG)',
  downloadFailed: "Nid oedd modd creu'r ffeil i'w lawrlwytho.",
  chartFailed: "Nid oedd modd llwytho'r siart. Dangoswch y tabl, neu ail-lwythwch y dudalen i roi cynnig arall arni.",
  tableFailed: "Nid oedd modd llwytho'r tabl. Ail-lwythwch y dudalen i roi cynnig arall arni.",
  errorTitle: 'Nid oes modd dangos y siart.',
  loading: "Wrthi'n llwytho'r data…",
  showTable: 'Dangos tabl',
  showChart: 'Dangos siart',
  yearColumn: 'Blwyddyn',
  noteColumn: 'Nodyn',
  chartRole: 'siart',
  chartKeys: "Defnyddiwch y bysellau saeth chwith a de i symud drwy'r blynyddoedd.",
  chartName: (label, first, last) =>
    first === last ? `Siart bar: ${label}, ${first}.` : `Siart bar: ${label} fesul blwyddyn, o ${first} i ${last}.`,
  valueLine: (label, value) => `${label}: ${value}`,
  announcement: (year, label, value, record) =>
    value === undefined ? `${year}: ${label}, heb ei adrodd.` : `${year}: ${label}, ${value}${record ? ', record' : ''}`,
  partialLabel: (label) => `${label} (y blynyddoedd a adroddwyd yn unig)`,
  counterSentence: (value, label, period) => `${label}: ${value} ${period ? period : 'i gyd'}`,
  totalRow: (period, partial) => (partial ? 'Cyfanswm y blynyddoedd a adroddwyd' : period ? `Cyfanswm ${period}` : 'Cyfanswm'),
  notReportedIn: (year) => `Heb ei adrodd yn ${year}.`,
  noneReported: (label) => `${label}: heb ei adrodd yn y blynyddoedd a ddangosir.`,
  latestValue: ({ label, value, year, record, change }) => {
    const clauses: string[] = [];
    if (record) clauses.push(recordClause(record.streak, record.since));
    if (change) clauses.push(changeClause(change, clauses.length > 0));
    // No comma before "a": "record am y bumed flwyddyn yn olynol a chynnydd o 49% ers 2009/10".
    return `${label}: ${value} yn ${year}${clauses.length ? `, ${clauses.join(' ')}` : ''}.`;
  },
  totalSentence: (total, period, partial) => `${total} ${partial ? 'yn y blynyddoedd a adroddwyd' : (period ?? 'i gyd')}.`,
  bundled: figuresIn({
    measures: {
      children: 'Plant a ddiogelwyd neu a amddiffynnwyd',
      arrests: 'Arestiadau',
      networks: 'Rhwydweithiau troseddwyr a chwalwyd neu yr amharwyd arnynt',
    },
    notes: {
      N1:
        "Heb ei adrodd ar wahân: 84 o rwydweithiau yn 2006/07 a 2007/08 gyda'i gilydd " +
        '(166 ers 2006 llai 82 yn 2008/09); ni chyhoeddwyd y rhaniad rhwng y ddwy flynedd.',
    },
    totalLabel: 'ers mis Ebrill 2006',
    source: 'Adolygiad Blynyddol CEOP 2010/11 (Mai 2011)',
  }),
};
