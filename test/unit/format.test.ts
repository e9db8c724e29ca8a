import { expect } from '@open-wc/testing';
import '../../src/ceop-stats.js';
import { canvasOf, counterValues, readBars, renderWidget, shadow } from '../helpers/index.js';
import { eventually } from '../helpers/eventually.js';
import { formatCount, formatPercent, isValidLocale, numberFormat } from '../../src/model/format.js';

// First in the file: the formats module caches what it builds, so an earlier test's format would hide one here.
describe('a widget in English or Welsh', () => {
  it('draws its chart, summary, counters and table without building an Intl.NumberFormat (its locale data is 15-40 ms of a first task)', async () => {
    const Original = Intl.NumberFormat;
    const built: string[] = [];
    Intl.NumberFormat = function (...args: ConstructorParameters<typeof Intl.NumberFormat>) {
      built.push(JSON.stringify(args));
      return new Original(...args);
    } as unknown as typeof Intl.NumberFormat;
    try {
      for (const locale of ['en-GB', 'cy']) {
        const el = await renderWidget({ locale });
        await el.updateComplete;
        expect(readBars(canvasOf(el))).to.have.length(5);
        expect(counterValues(el)).to.deep.equal(['1,038', '1,644', '394']);
        shadow(el).querySelector<HTMLButtonElement>('.toggle')!.click();
        await eventually(() => shadow(el).querySelector('table'), 'the table view');
        expect(shadow(el).querySelector('table')!.textContent).to.contain('1,038');
        expect(shadow(el).querySelector('.summary')?.textContent).to.match(/\d+%/);
      }
    } finally {
      Intl.NumberFormat = Original;
    }
    expect(built).to.deep.equal([]);
  });
});

describe('number formatting', () => {
  it('uses the locale: 1,038 in en-GB, 1.038 in German, 1 644 in French', () => {
    expect(formatCount(1038, 'en-GB')).to.equal('1,038');
    expect(formatCount(1038, 'de')).to.equal('1.038');
    expect(formatCount(1644, 'fr').replace(/\s/g, ' ')).to.equal('1 644');
    expect(formatCount(394, 'cy')).to.equal('394');
  });

  it("writes English and Welsh counts and percentages as this engine's Intl does, without building an Intl.NumberFormat", () => {
    const values = [0, 0.4, 0.5, 1.5, 2.5, 9.5, 99.5, 394, 999.5, 1038, 1644, 12345.5, 999999.5, 1234567, 2 ** 36 + 0.5];
    for (let i = 0; i < 2000; i++) values.push(Math.round(Math.random() * 10 ** (i % 9)) / (i % 3 ? 1 : 7));
    const fractions = [0.005, 0.015, 0.145, 0.285, 0.4935, 0.495, 0.5, 1.005, 2.675, 0.1 + 0.2, 1 / 3, 2 / 3, 49.5 / 100, 1e-7, 123.456];
    for (let i = 0; i < 2000; i++) fractions.push(Math.random() * (i % 2 ? 1 : 40), (i % 199) / 200);
    const built: unknown[] = [];
    const Original = Intl.NumberFormat;
    const mismatches: string[] = [];
    for (const locale of ['en-GB', 'en', 'en-US', 'EN-gb', 'cy', 'cy-GB']) {
      built.length = 0;
      const count = new Original(locale, { maximumFractionDigits: 0 });
      const percent = new Original(locale, { style: 'percent', maximumFractionDigits: 0 });
      Intl.NumberFormat = function (...args: ConstructorParameters<typeof Intl.NumberFormat>) {
        built.push(args);
        return new Original(...args);
      } as unknown as typeof Intl.NumberFormat;
      try {
        for (const v of values)
          if (formatCount(v, locale) !== count.format(v)) mismatches.push(`${locale} ${v}: ${formatCount(v, locale)}`);
        for (const v of fractions.filter((f) => !String(f).includes('e'))) formatPercent(v, locale);
        if (built.length) mismatches.push(`${locale}: built ${JSON.stringify(built)}`);
        for (const v of fractions)
          if (formatPercent(v, locale) !== percent.format(v)) mismatches.push(`${locale} ${v}%: ${formatPercent(v, locale)}`);
      } finally {
        Intl.NumberFormat = Original;
      }
    }
    // Only a value whose shortest form has an exponent (1e-7) goes to Intl.
    expect(mismatches.slice(0, 10)).to.deep.equal([]);
    expect(formatPercent(0.49, 'de')).to.equal(new Original('de', { style: 'percent', maximumFractionDigits: 0 }).format(0.49));
  });

  it('reuses one formatter per locale', () => {
    expect(numberFormat('en-GB')).to.equal(numberFormat('en-GB'));
  });

  it('tells well-formed language tags from malformed ones', () => {
    expect(['en-GB', 'cy', 'de-CH', 'zh-Hant-TW'].every(isValidLocale)).to.equal(true);
    expect(['', 'en_GB!', 'x', '12', 'english-please-now'].some(isValidLocale)).to.equal(false);
  });
});
