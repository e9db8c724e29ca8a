import { expect } from '@open-wc/testing';
import { CEOP_FIGURES } from '../../src/model/ceop-figures.js';
import { recordStreak, recordYears, unreportedBound } from '../../src/model/records.js';

const measure = (id: string) => CEOP_FIGURES.measures.find((m) => m.id === id)!;

describe('record years', () => {
  it('children: a record in all five years, the fifth in a row', () => {
    const { values, total } = measure('children');
    const records = recordYears(values, total);
    expect(records).to.deep.equal([true, true, true, true, true]);
    expect(recordStreak(records)).to.equal(5);
  });

  it('arrests: a record in all five years', () => {
    const { values, total } = measure('arrests');
    const records = recordYears(values, total);
    expect(records).to.deep.equal([true, true, true, true, true]);
    expect(recordStreak(records)).to.equal(5);
  });

  it('networks: records in 2009/10 and 2010/11 but not 2008/09 (82 is below the possible 84)', () => {
    const { values, total } = measure('networks');
    expect(unreportedBound(values, total)).to.equal(84);
    const records = recordYears(values, total);
    expect(records).to.deep.equal([false, false, false, true, true]);
    expect(recordStreak(records)).to.equal(2);
  });

  it('a year equal to an earlier one is not a record', () => {
    expect(recordYears([5, 5, 6])).to.deep.equal([true, false, true]);
  });

  it('a fall ends the streak', () => {
    const records = recordYears([10, 5, 20]);
    expect(records).to.deep.equal([true, false, true]);
    expect(recordStreak(records)).to.equal(1);
    expect(recordStreak(recordYears([10, 5]))).to.equal(0);
  });

  it('without a total, a year after a gap cannot be certain', () => {
    expect(recordYears([null, 10, 20])).to.deep.equal([false, false, false]);
  });

  it('with a total, a gap is bounded by what the total leaves', () => {
    // Unreported: 100 - 30 - 40 = 30, so 30 is not certainly above it but 40 is.
    expect(recordYears([null, 30, 40], 100)).to.deep.equal([false, false, true]);
  });

  it('a later gap keeps earlier records and bounds later years', () => {
    expect(recordYears([1, 2, null, 50], 110)).to.deep.equal([true, true, false, false]);
    expect(recordYears([1, 2, null, 50], 60)).to.deep.equal([true, true, false, true]);
  });
});
