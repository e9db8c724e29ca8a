import { expect } from '@open-wc/testing';
import { boundedCache } from '../../src/model/bounded-cache.js';

/** A cache of `limit` entries whose values say how many times each key was made. */
function countingCache(limit: number) {
  const made = new Map<string, number>();
  const cache = boundedCache<string>(limit);
  const get = (key: string) =>
    cache(key, () => {
      made.set(key, (made.get(key) ?? 0) + 1);
      return `${key}#${made.get(key)}`;
    });
  return { get, made };
}

describe('boundedCache', () => {
  it('makes a value once and gives it back while it is kept', () => {
    const { get } = countingCache(2);
    expect(get('a')).to.equal('a#1');
    expect(get('a')).to.equal('a#1');
  });

  it('keeps at most `limit` entries: a key past the limit starts it again', () => {
    const { get } = countingCache(2);
    get('a');
    get('b');
    expect(get('a'), 'two keys fit').to.equal('a#1');
    get('c');
    expect(get('c'), 'the third is kept').to.equal('c#1');
    expect(get('a'), 'the first two are made again').to.equal('a#2');
    expect(get('b')).to.equal('b#2');
  });

  it('caches nothing when making the value throws, so the next call throws too', () => {
    const cache = boundedCache<number>(2);
    const bad = () => cache('x', () => Number.parseInt(new Intl.NumberFormat('en-').format(1)));
    expect(bad).to.throw(RangeError);
    expect(bad).to.throw(RangeError);
  });
});
