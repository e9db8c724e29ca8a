import { expect } from '@open-wc/testing';
import { CEOP_FIGURES } from '../../src/model/ceop-figures.js';
import { parseOptions, type RawOptions } from '../../src/model/attributes.js';
import { seriesOf } from '../../src/view/series.js';
import { messages } from '../../src/messages/en.js';

/** The series for attributes as a page would write them, over the bundled figures (src/model/ceop-figures.ts). */
function series(raw: RawOptions) {
  const parsed = parseOptions(raw, CEOP_FIGURES, 'en-GB');
  if (!parsed.ok) throw new Error(`expected valid options for ${JSON.stringify(raw)}: ${parsed.message}`);
  return seriesOf(parsed.value, CEOP_FIGURES, messages);
}

const N1 =
  'Not reported separately: 84 networks in 2006/07 and 2007/08 together ' +
  '(166 since 2006 less 82 in 2008/09); the split between the two years was not published.';

describe('seriesOf', () => {
  it('gives every year and value of the measure by default', () => {
    const { labels, values } = series({ metric: 'arrests' });
    expect(labels).to.deep.equal(['2006/07', '2007/08', '2008/09', '2009/10', '2010/11']);
    expect(values).to.deep.equal([83, 297, 334, 417, 513]);
  });

  it('cuts labels and values to the range, both ends included', () => {
    const { labels, values } = series({ metric: 'children', from: '2008', to: '2010' });
    expect(labels).to.deep.equal(['2008/09', '2009/10', '2010/11']);
    expect(values).to.deep.equal([139, 278, 414]);
    expect(series({ metric: 'networks', from: '2006', to: '2007' }).values).to.deep.equal([null, null]);
  });

  describe('highlight', () => {
    it('records: the record years stand out (networks: only 2009/10 and 2010/11)', () => {
      const { records, highlighted, highlightLabel } = series({ metric: 'networks' });
      expect(records).to.deep.equal([false, false, false, true, true]);
      expect(highlighted).to.deep.equal(records);
      expect(highlightLabel).to.equal('Record');
    });

    it('latest: only the last year in range stands out, records are still known', () => {
      const { records, highlighted, highlightLabel } = series({ metric: 'networks', to: '2009', highlight: 'latest' });
      expect(highlighted).to.deep.equal([false, false, false, true]);
      expect(records).to.deep.equal([false, false, false, true]);
      expect(highlightLabel).to.equal('Latest');
    });

    it('none: no bar stands out', () => {
      const { records, highlighted, highlightLabel } = series({ metric: 'children', highlight: 'none' });
      expect(highlighted).to.deep.equal([false, false, false, false, false]);
      expect(records).to.deep.equal([true, true, true, true, true]);
      expect(highlightLabel).to.equal('Record');
    });
  });

  describe('records are decided on the full series', () => {
    it('the first year of a range is not a record just because it comes first', () => {
      // 82 networks in 2008/09 is below the 84 the first two years may have held between them.
      const { labels, records } = series({ metric: 'networks', from: '2008' });
      expect(labels).to.deep.equal(['2008/09', '2009/10', '2010/11']);
      expect(records).to.deep.equal([false, true, true]);
    });

    it('a range starting at 2009 keeps 2009/10 a record where it was one', () => {
      expect(series({ metric: 'networks', from: '2009' }).records).to.deep.equal([true, true]);
      expect(series({ metric: 'children', from: '2009', to: '2009' }).records).to.deep.equal([true]);
    });
  });

  describe('tooltips', () => {
    it('a record year: the value line, then the record line', () => {
      const { tooltips } = series({ metric: 'children' });
      expect(tooltips[4]).to.deep.equal(['Children safeguarded or protected: 414', 'Record: the highest so far']);
    });

    it('a year that is not a record: the value line alone', () => {
      const { tooltips } = series({ metric: 'networks' });
      expect(tooltips[2]).to.deep.equal(['Offender networks dismantled or disrupted: 82']);
    });

    it('a year not reported: "Not reported" and its note, never a zero', () => {
      const { tooltips, notes } = series({ metric: 'networks' });
      expect(tooltips[0]).to.deep.equal(['Not reported', N1]);
      expect(tooltips[1]).to.deep.equal(['Not reported', N1]);
      expect(notes).to.deep.equal([[N1], [N1], [], [], []]);
    });

    it('formats the value in the locale', () => {
      const parsed = parseOptions({ metric: 'arrests', locale: 'de' }, CEOP_FIGURES, 'en-GB');
      if (!parsed.ok) throw new Error(parsed.message);
      const big = { ...parsed.value, measure: { ...parsed.value.measure, values: [1644, 1, 2, 3, 4] } };
      expect(seriesOf(big, CEOP_FIGURES, messages).tooltips[0]![0]).to.equal('Arrests: 1.644');
    });
  });

  describe('announcements', () => {
    it('say the year, the value, the measure in mid-sentence, and a record', () => {
      expect(series({ metric: 'children' }).announcements[4]).to.equal('2010/11: 414 children safeguarded or protected, record');
      expect(series({ metric: 'arrests', from: '2009' }).announcements).to.deep.equal([
        '2009/10: 417 arrests, record',
        '2010/11: 513 arrests, record',
      ]);
    });

    it('leave out "record" for a year that is not one', () => {
      expect(series({ metric: 'networks' }).announcements[2]).to.equal('2008/09: 82 offender networks dismantled or disrupted');
    });

    it('say a year not reported, with its note', () => {
      expect(series({ metric: 'networks' }).announcements[0]).to.equal(
        `2006/07: Offender networks dismantled or disrupted, not reported. ${N1}`,
      );
    });
  });
});
