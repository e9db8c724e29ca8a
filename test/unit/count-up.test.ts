import { expect } from '@open-wc/testing';
import { countUpValue, easeOutCubic } from '../../src/model/count-up.js';

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
