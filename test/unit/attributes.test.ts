import { expect } from '@open-wc/testing';
import { CEOP_FIGURES } from '../../src/model/ceop-figures.js';
import { parseOptions, type RawOptions } from '../../src/model/attributes.js';

const parse = (raw: RawOptions) => parseOptions(raw, CEOP_FIGURES, 'en-GB');
const problem = (raw: RawOptions) => {
  const result = parse(raw);
  if (result.ok) throw new Error(`expected a problem for ${JSON.stringify(raw)}`);
  return result.message;
};

describe('attribute parsing', () => {
  it('defaults: children, all years, records, auto theme, the page locale', () => {
    const result = parse({});
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const { measure, first, last, highlight, theme, locale } = result.value;
    expect([measure.id, first, last, highlight, theme, locale]).to.deep.equal(['children', 0, 4, 'records', 'auto', 'en-GB']);
  });

  it('treats blank values as not set and ignores case and spaces', () => {
    const result = parse({ metric: ' Networks ', from: '', to: null, highlight: 'LATEST', theme: 'Dark' });
    expect(result.ok && [result.value.measure.id, result.value.last, result.value.highlight, result.value.theme]).to.deep.equal([
      'networks',
      4,
      'latest',
      'dark',
    ]);
  });

  it('names a year by the calendar year it starts in', () => {
    const result = parse({ from: '2008', to: 2009 });
    expect(result.ok && [result.value.first, result.value.last]).to.deep.equal([2, 3]);
  });

  it('explains a bad metric and lists the allowed ones', () => {
    expect(problem({ metric: 'rescues' })).to.equal('metric="rescues" is not a measure in the data. Use children, arrests or networks.');
  });

  it('explains years outside the data, malformed years and a reversed range', () => {
    expect(problem({ from: '2005' })).to.equal(
      'from="2005" is not a year in the data. Use a year from 2006 to 2010 (2006, 2007, 2008, 2009, 2010).',
    );
    expect(problem({ to: '2011' })).to.contain('to="2011" is not a year in the data');
    expect(problem({ from: '2008/09' })).to.equal('from="2008/09" is not a year. Use a four-digit year from 2006 to 2010.');
    expect(problem({ from: '2010', to: '2008' })).to.equal('from="2010" is after to="2008". The first year must not come after the last.');
  });

  it('explains bad highlight, theme and locale values', () => {
    expect(problem({ highlight: 'all' })).to.equal('highlight="all" is not allowed. Use records, latest or none.');
    expect(problem({ theme: 'blue' })).to.equal('theme="blue" is not allowed. Use light, dark or auto.');
    expect(problem({ locale: 'en_GB!' })).to.equal('locale="en_GB!" is not a language tag. Use a BCP 47 tag such as en-GB, cy or de.');
  });

  it('falls back to en-GB when the page language is malformed', () => {
    const result = parseOptions({}, CEOP_FIGURES, 'not a tag');
    expect(result.ok && result.value.locale).to.equal('en-GB');
  });

  it('quotes a huge bad value briefly', () => {
    expect(problem({ metric: 'x'.repeat(10000) }).length).to.be.below(120);
  });
});
