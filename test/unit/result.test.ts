import { expect } from '@open-wc/testing';
import { attempt, fail, webUrl } from '../../src/model/result.js';

describe('attempt', () => {
  it('gives the parsed value when nothing fails', () => {
    expect(attempt('schema', () => 42)).to.deep.equal({ ok: true, value: 42 });
  });

  it('turns fail() into a failed result with the code and the message', () => {
    const result = attempt('attribute', () => fail('metric="x" is not a measure in the data.'));
    expect(result).to.deep.equal({ ok: false, code: 'attribute', message: 'metric="x" is not a measure in the data.' });
  });

  it('catches a fail() deep inside the parse, and stops it there', () => {
    let reached = false;
    const check = (value: number) => (value < 0 ? fail(`${value} is negative`) : value);
    const result = attempt('schema', () => {
      check(-1);
      reached = true;
    });
    expect(result).to.deep.equal({ ok: false, code: 'schema', message: '-1 is negative' });
    expect(reached).to.equal(false);
  });

  it('throws any other error on: a bug is not bad input', () => {
    const bug = new TypeError('undefined is not a function');
    expect(() =>
      attempt('schema', () => {
        throw bug;
      }),
    ).to.throw(bug);
    // A plain Error with the same shape as a fail() is not one either.
    expect(() =>
      attempt('schema', () => {
        throw new Error('looks like a failure');
      }),
    ).to.throw('looks like a failure');
  });
});

describe('webUrl', () => {
  const base = 'https://example.org/news/page.html';

  it('accepts https and http URLs as they are', () => {
    expect(webUrl('https://www.ceop.police.uk/report', base)?.href).to.equal('https://www.ceop.police.uk/report');
    expect(webUrl('http://example.com/data.json', base)?.href).to.equal('http://example.com/data.json');
  });

  it('resolves a relative URL against the base', () => {
    expect(webUrl('data.json', base)?.href).to.equal('https://example.org/news/data.json');
    expect(webUrl('/api/figures.json?year=2010', base)?.href).to.equal('https://example.org/api/figures.json?year=2010');
    expect(webUrl('//cdn.example.net/x.json', 'http://example.org/')?.href).to.equal('http://cdn.example.net/x.json');
  });

  it('refuses every other scheme', () => {
    for (const text of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:application/json,{}',
      'mailto:editor@example.org',
      'ftp://example.org/x.json',
    ]) {
      expect(webUrl(text, base)?.href, text).to.equal(undefined);
    }
  });

  // Compared by href: a URL object in a failed assertion does not survive the trip to the test runner.
  it('refuses text that is not a URL', () => {
    expect(webUrl('http://', base)?.href).to.equal(undefined);
    expect(webUrl('https://[1:2:3]/data.json', base)?.href).to.equal(undefined);
    // Without a usable base a relative path cannot be resolved either.
    expect(webUrl('data.json', 'not a base')?.href).to.equal(undefined);
  });
});
