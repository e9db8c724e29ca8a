import { expect } from '@open-wc/testing';
import { describeValue } from '../../src/model/dataset.js';
import { validateDataset } from '../../src/model/validate-dataset.js';

const base = () => ({
  years: ['2001', '2002', '2003'],
  measures: [{ id: 'cases', label: 'Cases', values: [10, 5, 20] as unknown[] }],
});

function problem(input: unknown): string {
  const result = validateDataset(input);
  if (result.ok) throw new Error('expected a problem');
  return result.message;
}

describe('dataset validator', () => {
  it('accepts a minimal dataset and trims its text', () => {
    const input = base();
    input.measures[0]!.label = '  Cases  ';
    const result = validateDataset(input);
    expect(result.ok && result.value.measures[0]!.label).to.equal('Cases');
  });

  it('rejects what is not a dataset', () => {
    expect(problem(null)).to.equal('expected an object with "years" and "measures"');
    expect(problem([])).to.equal('expected an object with "years" and "measures"');
    expect(problem({ years: [], measures: [] })).to.equal('"years" is empty; at least one year is needed');
  });

  it('names the measure and year of a bad value', () => {
    for (const [value, message] of [
      ['lots', 'cases, 2002: "lots" is not a whole number'],
      [-1, 'cases, 2002: -1 is negative; counts cannot be'],
      [1.5, 'cases, 2002: 1.5 is not a whole number'],
      [NaN, 'cases, 2002: NaN is not a finite number'],
      [Infinity, 'cases, 2002: Infinity is not a finite number'],
      [2e12, 'cases, 2002: 2000000000000 is larger than 1000000000000 (1e12)'],
    ] as const) {
      const input = base();
      input.measures[0]!.values[1] = value;
      expect(problem(input)).to.equal(message);
    }
  });

  it('accepts null for a year not reported, never zero in its place', () => {
    const input = base();
    input.measures[0]!.values[1] = null;
    const result = validateDataset(input);
    expect(result.ok && result.value.measures[0]!.values).to.deep.equal([10, null, 20]);
  });

  it('reads -0 as 0, never shown as "-0" (found by the fuzz test)', () => {
    const result = validateDataset(JSON.parse('{"years":["2001"],"measures":[{"id":"a","label":"A","values":[-0],"total":-0}]}'));
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(Object.is(result.value.measures[0]!.values[0], 0)).to.equal(true);
    expect(Object.is(result.value.measures[0]!.total, 0)).to.equal(true);
  });

  it('rejects duplicate and unsorted years', () => {
    expect(problem({ ...base(), years: ['2001', '2001', '2003'] })).to.equal('year "2001" appears twice');
    expect(problem({ ...base(), years: ['2001', '2003', '2002'] })).to.equal(
      'year "2002" comes after "2003": years must be in increasing order',
    );
  });

  it('rejects a total smaller than the years reported, or different from a full sum', () => {
    const input = base();
    Object.assign(input.measures[0]!, { total: 30 });
    expect(problem(input)).to.equal('cases, total: 30 is less than the 35 of the years reported');
    Object.assign(input.measures[0]!, { total: 36 });
    expect(problem(input)).to.equal('cases, total: 36 differs from 35, the sum of its years');
  });

  it('rejects a measure with no values, or the wrong number of them', () => {
    const input = base();
    input.measures[0]!.values = [null, null, null];
    expect(problem(input)).to.equal('cases: no year has a value; a measure needs at least one');
    input.measures[0]!.values = [1, 2];
    expect(problem(input)).to.equal('cases: 2 values for 3 years; give one per year (null where not reported)');
  });

  it('accepts only http and https source links', () => {
    expect(problem({ ...base(), source: { label: 'x', url: 'javascript:alert(1)' } })).to.equal(
      'source url: only http and https links are allowed, got "javascript:alert(1)"',
    );
    expect(validateDataset({ ...base(), source: { label: 'x', url: 'https://example.org/' } }).ok).to.equal(true);
  });

  it('limits label length and year count', () => {
    const input = base();
    input.measures[0]!.label = 'x'.repeat(10000);
    expect(problem(input)).to.equal('cases label: text is 10000 characters long; at most 200 are allowed');
    const years = Array.from({ length: 201 }, (_, i) => String(1800 + i));
    expect(problem({ years, measures: [] })).to.equal('201 years is more than the 200 a chart can show legibly');
  });

  it('describes any value briefly and without throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeValue(cyclic)).to.equal('an unreadable value');
    expect(describeValue(Symbol('s'))).to.equal('a symbol');
    expect(describeValue('x'.repeat(100)).length).to.equal(40);
  });
});
