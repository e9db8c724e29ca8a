import { expect } from '@open-wc/testing';
import { CEOP_FIGURES } from '../../src/model/ceop-figures.js';
import type { Dataset } from '../../src/model/dataset.js';
import { messages as en, ordinal } from '../../src/messages/en.js';
import { summarize } from '../../src/view/summary.js';

const measure = (id: string) => CEOP_FIGURES.measures.find((m) => m.id === id)!;
const ceop = (id: string, last = 4, locale = 'en-GB') =>
  summarize({ dataset: CEOP_FIGURES, measure: measure(id), last, locale, messages: en });

describe('summary sentence', () => {
  it('children: the press release in one sentence', () => {
    expect(ceop('children')).to.equal(
      'Children safeguarded or protected: 414 in 2010/11, a record for the fifth year in a row and 49% more than in 2009/10. 1,038 since April 2006.',
    );
  });

  it('arrests and networks', () => {
    expect(ceop('arrests')).to.equal(
      'Arrests: 513 in 2010/11, a record for the fifth year in a row and 23% more than in 2009/10. 1,644 since April 2006.',
    );
    expect(ceop('networks')).to.equal(
      'Offender networks dismantled or disrupted: 132 in 2010/11, a record for the second year in a row and 38% more than in 2009/10. 394 since April 2006.',
    );
  });

  it('a range ending earlier speaks of its last year, with the streak up to then', () => {
    expect(ceop('children', 2)).to.equal(
      'Children safeguarded or protected: 139 in 2008/09, a record for the third year in a row and 6% more than in 2007/08. 1,038 since April 2006.',
    );
  });

  it('no record, and a year after a gap, get no record or change clause', () => {
    expect(ceop('networks', 2)).to.equal('Offender networks dismantled or disrupted: 82 in 2008/09. 394 since April 2006.');
  });

  it('a range with no reported year says so', () => {
    expect(ceop('networks', 1)).to.equal(
      'Offender networks dismantled or disrupted: not reported in the years shown. 394 since April 2006.',
    );
  });

  it('a custom dataset with a gap, a fall and no total', () => {
    const dataset: Dataset = {
      years: ['2001', '2002', '2003', '2004'],
      measures: [{ id: 'cases', label: 'Cases', values: [10, 20, 15, null] }],
    };
    expect(summarize({ dataset, measure: dataset.measures[0]!, last: 3, locale: 'en-GB', messages: en })).to.equal(
      'Not reported in 2004. Cases: 15 in 2003, 25% fewer than in 2002. 45 in the years reported.',
    );
    expect(summarize({ dataset, measure: dataset.measures[0]!, last: 1, locale: 'en-GB', messages: en })).to.equal(
      'Cases: 20 in 2002, a record for the second year in a row and 100% more than in 2001. 45 in the years reported.',
    );
  });

  it('uses the locale for numbers', () => {
    const dataset: Dataset = { years: ['2001', '2002'], measures: [{ id: 'a', label: 'A', values: [1000, 1500] }] };
    const text = summarize({ dataset, measure: dataset.measures[0]!, last: 1, locale: 'de', messages: en }).replace(/\u00a0/g, ' ');
    expect(text).to.equal('A: 1.500 in 2002, a record for the second year in a row and 50 % more than in 2001. 2.500 in total.');
  });

  it('same value and a rise from zero', () => {
    const dataset: Dataset = { years: ['2001', '2002', '2003'], measures: [{ id: 'a', label: 'A', values: [0, 5, 5] }] };
    const m = dataset.measures[0]!;
    expect(summarize({ dataset, measure: m, last: 1, locale: 'en-GB', messages: en })).to.equal(
      'A: 5 in 2002, a record for the second year in a row and up from 0 in 2001. 10 in total.',
    );
    expect(summarize({ dataset, measure: m, last: 2, locale: 'en-GB', messages: en })).to.equal(
      'A: 5 in 2003, the same as in 2002. 10 in total.',
    );
  });

  it('ordinals', () => {
    expect([1, 2, 5, 10, 11, 12, 13, 21, 22, 23, 101].map(ordinal)).to.deep.equal([
      'first',
      'second',
      'fifth',
      'tenth',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
    ]);
  });
});
