import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { CeopStats } from '../../src/ceop-stats.js';
import { defineOnce } from '../../src/runtime/define.js';
import { watchUncaughtErrors } from '../helpers/index.js';

describe('loading the script twice', () => {
  it('the built bundle, loaded twice after the source, throws nothing; the first definition wins', async () => {
    const uncaught = watchUncaughtErrors();
    try {
      // Not literals, so the type checker does not look for the build output.
      const bundle = '../../dist/ceop-stats.js';
      await import(bundle);
      await import(`${bundle}?copy=2`);
      expect(customElements.get('ceop-stats')).to.equal(CeopStats);
      const el = document.createElement('ceop-stats');
      el.noAnimation = true;
      const ready = oneEvent(el, 'ceop-stats-ready');
      await fixture(html`<div style="width: 400px">${el}</div>`);
      expect(el).to.be.instanceOf(CeopStats);
      await ready;
    } finally {
      uncaught.stop();
    }
    expect(uncaught.errors).to.deep.equal([]);
  });

  it('two script tags for the same element leave one working definition', async () => {
    const uncaught = watchUncaughtErrors();
    const scripts = ['a', 'b'].map((copy) => {
      const script = document.createElement('script');
      script.type = 'module';
      script.src = new URL(`../../dist/ceop-stats.js?tag=${copy}`, import.meta.url).href;
      return new Promise<void>((resolve, reject) => {
        script.onload = () => resolve();
        script.onerror = () => reject(new Error(`script ${copy} failed to load`));
        document.head.append(script);
      });
    });
    await Promise.all(scripts);
    uncaught.stop();
    expect(uncaught.errors).to.deep.equal([]);
    expect(customElements.get('ceop-stats')).to.equal(CeopStats);
  });

  it('defineOnce rethrows errors other than "already defined"', () => {
    expect(() => defineOnce('not-valid', class extends HTMLElement {})).to.not.throw();
    expect(() => defineOnce('Invalid Name', class extends HTMLElement {})).to.throw(DOMException);
  });
});
