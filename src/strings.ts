/** Every built-in text the reader sees, in one place so a language is one object. */
export const STRINGS = {
  record: 'Record',
  latest: 'Latest',
  notReported: 'Not reported',
  notReportedMarker: 'n/r',
  recordTooltip: 'Record: the highest so far',
  sourcePrefix: 'Source:',
  downloadCsv: 'Download data (CSV)',
  downloadPng: 'Download image (PNG)',
  downloadFailed: 'The download could not be made.',
  errorTitle: 'This chart cannot be shown.',
  loading: 'Loading data…',
  showTable: 'Show table',
  showChart: 'Show chart',
  yearColumn: 'Year',
  noteColumn: 'Note',
  total: 'Total',
  partialTotalRow: 'Total of the years reported',
  chartRole: 'chart',
  chartKeys: 'Use the left and right arrow keys to go through the years.',
  chartDescription: (label: string, first: string, last: string) =>
    first === last ? `Bar chart: ${label}, ${first}.` : `Bar chart: ${label} per year, ${first} to ${last}.`,
  counterSentence: (value: string, label: string, period: string | undefined) =>
    period ? `${value} ${label} ${period}` : `${value} ${label} in total`,
  /** After a counter that sums only the years reported (no published total covers the rest). */
  partialTotal: 'years reported only',
};
