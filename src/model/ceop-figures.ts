import type { Dataset, Source } from './dataset.js';

/**
 * CEOP's annual results, 2006/07 to 2010/11, exactly as in
 * shared/reference/ceop-figures.md. Every yearly column adds up to its
 * published total (a unit test proves it). The networks split for the first
 * two years was never published (note N1): those values are null, never zero.
 */
export const CEOP_FIGURES: Dataset = {
  years: ['2006/07', '2007/08', '2008/09', '2009/10', '2010/11'],
  totalLabel: 'since April 2006',
  measures: [
    {
      id: 'children',
      label: 'Children safeguarded or protected',
      values: [76, 131, 139, 278, 414],
      total: 1038,
    },
    {
      id: 'arrests',
      label: 'Arrests',
      values: [83, 297, 334, 417, 513],
      total: 1644,
    },
    {
      id: 'networks',
      label: 'Offender networks dismantled or disrupted',
      values: [null, null, 82, 96, 132],
      total: 394,
      notes: [
        {
          id: 'N1',
          years: ['2006/07', '2007/08'],
          text:
            'Not reported separately: 84 networks in 2006/07 and 2007/08 together ' +
            '(166 since 2006 less 82 in 2008/09); the split between the two years was not published.',
        },
      ],
    },
  ],
  source: {
    label: 'CEOP Annual Review 2010/11 (May 2011)',
    url: 'https://www.theguardian.com/uk/2011/may/31/police-ceop-online-paedophiles',
  },
};

/**
 * Where every figure above was published, for the record and the README. The
 * widget shows only `source`, so the list is kept out of the dataset: it
 * would otherwise be in every page's entry module.
 */
export const CEOP_FIGURE_SOURCES: Source[] = [
  {
    label:
      'CEOP Annual Review 2010/11 and Centre Plan 2011/12 (May 2011), as reported in The Guardian, ' +
      '"Police rescue record number of children from online paedophiles" (31 May 2011)',
    url: 'https://www.theguardian.com/uk/2011/may/31/police-ceop-online-paedophiles',
  },
  {
    label: 'The Independent, "Record number of children rescued from abuse" (31 May 2011)',
    url: 'http://www.independent.co.uk/news/uk/crime/record-number-of-children-rescued-from-abuse-2291235.html',
  },
  { label: 'Family Law, "CEOP annual results" (2 June 2011)' },
  {
    label:
      'CEOP Annual Review 2009/10 (June 2010), as reported in the Evening Standard, ' +
      '"Police team saves record number of children from web paedophiles"',
    url: 'http://www.standard.co.uk/news/police-team-saves-record-number-of-children-from-web-paedophiles-6487079.html',
  },
  {
    label:
      'CEOP Annual Review 2008/09 (May 2009), as reported by BBC News, "Child sex abuse arrests \'up 10%\'" ' +
      '(19 May 2009), and CEOP\'s release "record 3rd year results"',
  },
  { label: 'CEOP Annual Review 2007/08 (April 2008), CEOP release "2nd year results"' },
  { label: 'CEOP first-year results (June 2007), as reported in Police Professional, "Online threats assessed" (28 June 2007)' },
];
