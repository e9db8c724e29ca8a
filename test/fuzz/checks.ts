/**
 * Checking what a case shows against what the oracle expects: a chart with
 * its heading, counters and bars, or the alert and nothing half-drawn.
 */
import { expect } from '@open-wc/testing';
import type { CeopStats, CeopStatsErrorDetail, CeopStatsReadyDetail } from '../../src/ceop-stats.js';
import { alertText, barHeights, canvasOf, counterValues, headingText, readBars, shadow } from '../helpers/index.js';
import type { Expected } from './oracle.js';

/** Whether the chart is on show: neither its box nor anything around it hidden. */
function chartShown(el: CeopStats): boolean {
  const canvas = canvasOf(el);
  return canvas.closest('[hidden]') === null && canvas.getClientRects().length > 0;
}

/** Every accessible name in the widget, where the chart's name is, wherever it is put. */
function ariaLabels(el: CeopStats): string {
  return [...shadow(el).querySelectorAll('[aria-label]')].map((n) => n.getAttribute('aria-label') ?? '').join('\n');
}

export function checkReady(el: CeopStats, events: CustomEvent[], expected: Extract<Expected, { kind: 'ready' }>): void {
  expect(
    events.map((e) => e.type),
    'events',
  ).to.deep.equal(['ceop-stats-ready']);
  const detail = events[0]!.detail as CeopStatsReadyDetail;
  expect(detail, 'ready detail').to.deep.equal({ metric: expected.metric, years: expected.years });
  expect(alertText(el), 'alert').to.equal(undefined);
  expect(chartShown(el), 'chart shown').to.equal(true);
  expect(headingText(el), 'heading').to.equal(expected.heading.trim());
  expect(counterValues(el), 'counters').to.deep.equal(expected.counters);
  const names = ariaLabels(el);
  for (const year of new Set([expected.years[0]!, expected.years[expected.years.length - 1]!]))
    expect(names, 'chart name').to.contain(year);
  if (!expected.bars) return;
  const bars = readBars(canvasOf(el));
  expect(
    bars.map((b) => b.color),
    'bars drawn (colours, left to right)',
  ).to.deep.equal(expected.bars.colors);
  // Heights in proportion to the values, within the rounding of two edges.
  const { values } = expected.bars;
  const heights = barHeights(bars);
  const tallest = Math.max(...values);
  const unit = heights[values.indexOf(tallest)]! / tallest;
  values.forEach((v, i) => expect(heights[i]!, `bar ${i + 1} height for ${v} (tallest ${tallest})`).to.be.closeTo(v * unit, 3));
}

export async function checkError(
  el: CeopStats,
  events: CustomEvent[],
  expected: Extract<Expected, { kind: 'error' }>,
  lastReported: string | undefined,
  title: string,
): Promise<void> {
  const types = events.map((e) => e.type);
  // No event only when it is the very problem reported last (it is not reported twice running).
  if (lastReported === undefined || types.length > 0)
    expect(types, `events (expected the error: ${expected.describe})`).to.deep.equal(['ceop-stats-error']);
  let message: string;
  if (events.length === 1) {
    const detail = events[0]!.detail as CeopStatsErrorDetail;
    expect(detail.code, `error code for: ${detail.message}`).to.equal(expected.code);
    message = detail.message;
  } else {
    // The same problem as the case before is not reported twice: it must still be on show.
    message = lastReported!;
  }
  expect(expected.matches(message), `message "${message}", expected ${expected.describe}`).to.equal(true);
  await el.updateComplete;
  const alert = shadow(el).querySelector('[role="alert"]');
  expect(alert, 'alert').to.not.equal(null);
  expect(alert!.querySelector('span')?.textContent, 'alert message').to.equal(message);
  expect(alertText(el), 'alert text').to.contain(title);
  expect(chartShown(el), 'chart shown').to.equal(false);
  expect(shadow(el).querySelector('.counters'), 'counters').to.equal(null);
  expect(headingText(el), 'heading').to.equal(undefined);
}

/** Each problem reported is warned about once; nothing else warns. */
export function checkWarnings(events: CustomEvent[], calls: unknown[][]): void {
  const reported = events
    .filter((e) => e.type === 'ceop-stats-error')
    .map((e) => `<ceop-stats>: ${(e.detail as CeopStatsErrorDetail).message}`);
  expect(
    calls.map((call) => String(call[0])),
    `console.warn calls: ${JSON.stringify(calls.map((call) => String(call[0])))}`,
  ).to.deep.equal(reported);
}
