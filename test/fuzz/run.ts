/**
 * Running a case in the browser: its data and attributes set on a widget (one
 * shared across cases, or now and then a fresh one), the wait for what it
 * shows, and the checks of test/fuzz/checks.ts against the oracle.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { CeopStats, CeopStatsErrorDetail } from '../../src/ceop-stats.js';
import { attributeName } from '../../src/model/attribute-table.js';
import { LANGUAGES, messagesFor } from '../../src/messages/index.js';
import { MARKER_STYLE, captureWarnings, shadow, watchUncaughtErrors } from '../helpers/index.js';
import { ATTRIBUTE_NAMES, type AttributeName } from './attributes.js';
import { type FuzzCase, asProperty } from './cases.js';
import { checkError, checkReady, checkWarnings } from './checks.js';
import { type Expected, expectOutcome, messagesOf } from './oracle.js';

/** One turn of the event loop: by then every microtask (the MutationObserver, Lit's update) has run. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Every ready and error event from the widgets, per case; waits for one with a deadline. */
class EventLog {
  events: CustomEvent[] = [];
  #wake: (() => void) | undefined;

  constructor(target: EventTarget) {
    for (const type of ['ceop-stats-ready', 'ceop-stats-error']) {
      target.addEventListener(type, (event) => {
        this.events.push(event as CustomEvent);
        this.#wake?.();
      });
    }
  }

  async waitFor(type: string, ms: number): Promise<void> {
    const seen = () => this.events.some((e) => e.type === type);
    if (seen()) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        if (!seen()) return;
        clearTimeout(timer);
        resolve();
      };
    });
    this.#wake = undefined;
  }
}

function newWidget(): CeopStats {
  const el = document.createElement('ceop-stats');
  el.setAttribute('style', MARKER_STYLE);
  el.setAttribute('no-animation', '');
  return el;
}

/**
 * Children first, then attributes: the MutationObserver's callback is queued
 * before Lit's update, so one update sees the new data and the new attributes
 * together. The comment changes on every case, so even identical data is
 * read again and a valid case always ends in a new ready event.
 */
function setUp(el: CeopStats, c: FuzzCase, caseNumber: number): void {
  const children: Node[] = [document.createComment(`fuzz case ${caseNumber}`)];
  if (c.decoyTable) {
    const table = document.createElement('table');
    table.createTBody().insertRow().insertCell().textContent = 'not the data';
    children.push(table);
  }
  if (c.json !== undefined) {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = c.json;
    children.push(script);
  }
  el.replaceChildren(...children);
  const properties = el as unknown as Record<AttributeName, unknown>;
  for (const name of ATTRIBUTE_NAMES) {
    const value = c.attributes[name];
    if (c.via !== 'attributes') properties[name] = value === null ? undefined : asProperty(value, c.via);
    else if (value === null) el.removeAttribute(attributeName(name));
    else el.setAttribute(attributeName(name), value);
  }
}

/**
 * The cases of one run on one page: the widget they share, and what every
 * case must not leave behind (uncaught errors, warnings, markup run).
 */
export class FuzzRun {
  /** Cases run, shrinking included. */
  cases = 0;
  /** Cases by outcome, for the summary at the end. */
  readonly tally: Record<string, number> = {};
  readonly uncaught = watchUncaughtErrors();
  readonly #log: EventLog;
  readonly #warnings = captureWarnings();
  #shared: CeopStats | undefined;
  /** The last problem the shared element reported: it does not report the same one twice running. */
  #sharedLastReported: string | undefined;

  constructor(readonly wrapper: HTMLElement) {
    this.#log = new EventLog(wrapper);
  }

  stop(): void {
    this.#warnings.restore();
    this.uncaught.stop();
  }

  async runCase(c: FuzzCase): Promise<void> {
    this.cases++;
    const expected = expectOutcome(c);
    const fresh = c.fresh || !this.#shared;
    const el = fresh ? newWidget() : this.#shared!;
    const lastReported = fresh ? undefined : this.#sharedLastReported;
    this.wrapper.setAttribute('lang', c.pageLang);
    this.#log.events = [];
    this.#warnings.calls.length = 0;
    const uncaughtBefore = this.uncaught.errors.length;
    try {
      setUp(el, c, this.cases);
      if (fresh) this.wrapper.append(el);
      this.#shared ??= el;
      const events = await this.#settle(el, expected);
      if (expected.kind === 'ready') {
        checkReady(el, events, expected);
        this.#count(expected.bars ? 'ready, bars read' : 'ready');
      } else {
        await checkError(el, events, expected, lastReported, messagesOf(c).errorTitle);
        this.#count(`error: ${expected.code}`);
      }
      checkWarnings(events, this.#warnings.calls);
      expect(shadow(el).querySelectorAll('img, script').length, 'markup in the shadow DOM').to.equal(0);
      expect(this.uncaught.errors.slice(uncaughtBefore), 'uncaught errors').to.deep.equal([]);
      if (el === this.#shared) this.#remember(events, expected);
    } catch (error) {
      // A failed case may leave the element in any state: shrinking starts again from a new one.
      if (el === this.#shared) {
        this.#shared = undefined;
        this.#sharedLastReported = undefined;
      }
      throw error;
    } finally {
      if (el !== this.#shared) el.remove();
    }
  }

  /** The events of a case, once it has done all it will. */
  async #settle(el: CeopStats, expected: Expected): Promise<CustomEvent[]> {
    // The MutationObserver's callback, queued first, asks for the update; then wait for that update,
    // which rejects if it throws. Ready comes from it; one more task lets anything late show up.
    await Promise.resolve();
    await el.updateComplete;
    if (expected.kind === 'ready') await this.#log.waitFor('ceop-stats-ready', 2000);
    await nextTask();
    return [...this.#log.events];
  }

  #count(outcome: string): void {
    this.tally[outcome] = (this.tally[outcome] ?? 0) + 1;
  }

  /** What the shared element reported last, for the next case on it. */
  #remember(events: CustomEvent[], expected: Expected): void {
    const error = events.find((e) => e.type === 'ceop-stats-error');
    if (error) this.#sharedLastReported = (error.detail as CeopStatsErrorDetail).message;
    else if (expected.kind === 'ready') this.#sharedLastReported = undefined;
  }
}

/**
 * The widget loads the chunk for inline JSON, and the chart's chunk, on first
 * use; a run waits only a task for each case, so load both, and every
 * language's messages, once before the cases start.
 */
export async function warmUp(): Promise<void> {
  const warmUp = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
  const el = document.createElement('ceop-stats');
  el.noAnimation = true;
  el.innerHTML = '<script type="application/json">{"years":["2001"],"measures":[{"id":"a","label":"A","values":[1]}]}</script>';
  const ready = new Promise((resolve) => el.addEventListener('ceop-stats-ready', resolve, { once: true }));
  warmUp.append(el);
  await ready;
  warmUp.remove();
  for (const language of Object.keys(LANGUAGES)) await messagesFor(language);
}
