import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CeopStats } from '../../src/ceop-stats.js';
import '../../src/ceop-stats.js';
import { counterValues, headingText } from '../helpers/index.js';
import { eventually } from '../helpers/eventually.js';

/** The README's examples are run as written, so the docs cannot drift from the code. */
async function readmeBlock(heading: string, language: string): Promise<string> {
  const readme = await (await fetch('/README.md')).text();
  const start = new RegExp(`\\n#+ ${heading}\\n`).exec(readme);
  if (!start) throw new Error(`no heading "${heading}"`);
  const section = readme.slice(start.index);
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(section);
  if (!match?.[1]) throw new Error(`no ${language} block under "${heading}"`);
  return match[1];
}

describe('README examples', () => {
  it('the schema example is a valid dataset', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
    const el = document.createElement('ceop-stats');
    el.noAnimation = true;
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = await readmeBlock('The schema', 'json');
    el.append(script);
    const ready = oneEvent(el, 'ceop-stats-ready');
    wrapper.append(el);
    await ready;
    expect(headingText(el)).to.equal('Calls answered');
    expect(counterValues(el)).to.deep.equal(['4,100']);
  });

  it('the table example renders the networks column with the published total', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px" lang="en-GB"></div>`);
    const ready = oneEvent(wrapper, 'ceop-stats-ready');
    // Test-only: the README's own markup, as an editor would paste it.
    wrapper.innerHTML = await readmeBlock('The table', 'html');
    await ready;
    const el = wrapper.querySelector<CeopStats>('ceop-stats')!;
    expect(headingText(el)).to.equal('Networks dismantled');
    // As pasted, the counters count up: wait for them to land.
    await eventually(() => counterValues(el).join() === '1,644,394', `counters land on the totals: ${counterValues(el).join(' ')}`);
  });

  it('the no-JavaScript fallback snippet is valid data for the widget', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px" lang="en-GB"></div>`);
    const ready = oneEvent(wrapper, 'ceop-stats-ready');
    wrapper.innerHTML = await readmeBlock('Accessibility', 'html');
    await ready;
    const el = wrapper.querySelector<CeopStats>('ceop-stats')!;
    expect(headingText(el)).to.equal('Children safeguarded or protected');
    await eventually(() => counterValues(el).join() === '1,038', `counter lands on 1,038: ${counterValues(el).join(' ')}`);
  });
});
