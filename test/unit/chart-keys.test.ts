import { expect } from '@open-wc/testing';
import { chartKeyAction } from '../../src/model/chart-keys.js';

/** Five years, as the bundled figures have. */
const COUNT = 5;

describe('chartKeyAction, left to right', () => {
  it('from no year chosen, Right starts at the first year and Left at the last', () => {
    expect(chartKeyAction('ArrowRight', undefined, COUNT)).to.deep.equal({ move: 0 });
    expect(chartKeyAction('ArrowLeft', undefined, COUNT)).to.deep.equal({ move: 4 });
  });

  it('Right steps to the later year and Left to the earlier one', () => {
    expect(chartKeyAction('ArrowRight', 2, COUNT)).to.deep.equal({ move: 3 });
    expect(chartKeyAction('ArrowLeft', 2, COUNT)).to.deep.equal({ move: 1 });
  });

  it('stops at both ends instead of wrapping round', () => {
    expect(chartKeyAction('ArrowRight', 4, COUNT)).to.deep.equal({ move: 4 });
    expect(chartKeyAction('ArrowLeft', 0, COUNT)).to.deep.equal({ move: 0 });
  });

  it('Home and End jump to the first and last years, chosen or not', () => {
    expect(chartKeyAction('Home', 3, COUNT)).to.deep.equal({ move: 0 });
    expect(chartKeyAction('Home', undefined, COUNT)).to.deep.equal({ move: 0 });
    expect(chartKeyAction('End', 1, COUNT)).to.deep.equal({ move: 4 });
    expect(chartKeyAction('End', undefined, COUNT)).to.deep.equal({ move: 4 });
  });

  it('Escape hides the tooltip', () => {
    expect(chartKeyAction('Escape', 2, COUNT)).to.deep.equal({ hide: true });
  });

  it('leaves every other key to the browser', () => {
    for (const key of ['Tab', 'Enter', ' ', 'ArrowUp', 'ArrowDown', 'a', 'PageDown']) {
      expect(chartKeyAction(key, 2, COUNT), key).to.equal(undefined);
    }
  });

  it('does nothing without years', () => {
    for (const key of ['ArrowRight', 'ArrowLeft', 'Home', 'End', 'Escape']) {
      expect(chartKeyAction(key, undefined, 0), key).to.equal(undefined);
    }
  });

  it('a single year is both ends', () => {
    expect(chartKeyAction('ArrowRight', 0, 1)).to.deep.equal({ move: 0 });
    expect(chartKeyAction('ArrowLeft', undefined, 1)).to.deep.equal({ move: 0 });
  });
});

describe('chartKeyAction, right to left', () => {
  // The years are drawn from the right: Left points to the later year.
  it('from no year chosen, Left starts at the first year and Right at the last', () => {
    expect(chartKeyAction('ArrowLeft', undefined, COUNT, true)).to.deep.equal({ move: 0 });
    expect(chartKeyAction('ArrowRight', undefined, COUNT, true)).to.deep.equal({ move: 4 });
  });

  it('Left steps to the later year and Right to the earlier one', () => {
    expect(chartKeyAction('ArrowLeft', 2, COUNT, true)).to.deep.equal({ move: 3 });
    expect(chartKeyAction('ArrowRight', 2, COUNT, true)).to.deep.equal({ move: 1 });
  });

  it('stops at both ends', () => {
    expect(chartKeyAction('ArrowLeft', 4, COUNT, true)).to.deep.equal({ move: 4 });
    expect(chartKeyAction('ArrowRight', 0, COUNT, true)).to.deep.equal({ move: 0 });
  });

  it('Home, End and Escape mean the same as left to right', () => {
    expect(chartKeyAction('Home', 3, COUNT, true)).to.deep.equal({ move: 0 });
    expect(chartKeyAction('End', 1, COUNT, true)).to.deep.equal({ move: 4 });
    expect(chartKeyAction('Escape', 1, COUNT, true)).to.deep.equal({ hide: true });
    expect(chartKeyAction('Enter', 1, COUNT, true)).to.equal(undefined);
    expect(chartKeyAction('ArrowLeft', undefined, 0, true)).to.equal(undefined);
  });
});
