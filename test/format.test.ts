import { expect } from '@open-wc/testing';
import { countUpValue, easeOutCubic } from '../src/display/count-up.js';
import { formatCount, isValidLocale, numberFormat } from '../src/display/format.js';

describe('number formatting', () => {
  it('uses the locale: 1,038 in en-GB, 1.038 in German, 1 644 in French', () => {
    expect(formatCount(1038, 'en-GB')).to.equal('1,038');
    expect(formatCount(1038, 'de')).to.equal('1.038');
    expect(formatCount(1644, 'fr').replace(/\s/g, ' ')).to.equal('1 644');
    expect(formatCount(394, 'cy')).to.equal('394');
  });

  it('reuses one formatter per locale', () => {
    expect(numberFormat('en-GB')).to.equal(numberFormat('en-GB'));
  });

  it('tells well-formed language tags from malformed ones', () => {
    expect(['en-GB', 'cy', 'de-CH', 'zh-Hant-TW'].every(isValidLocale)).to.equal(true);
    expect(['', 'en_GB!', 'x', '12', 'english-please-now'].some(isValidLocale)).to.equal(false);
  });
});

describe('count-up easing', () => {
  it('starts at 0, ends exactly at the total and never overshoots', () => {
    expect(countUpValue(1038, 0)).to.equal(0);
    expect(countUpValue(1038, 1)).to.equal(1038);
    let previous = 0;
    for (let p = 0; p <= 1; p += 0.01) {
      const v = countUpValue(1038, p);
      expect(v).to.be.at.least(previous).and.at.most(1038);
      previous = v;
    }
  });

  it('eases out: more than half-way at half time', () => {
    expect(easeOutCubic(0.5)).to.be.above(0.8);
    expect(easeOutCubic(2)).to.equal(1);
  });
});
