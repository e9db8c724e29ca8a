import { css } from 'lit';

/*
 * Each default lives once, in a private property that falls back to the
 * public one: --_bar: var(--ceop-stats-bar-color, <default>). The dark
 * palette is one block used for both theme="dark" and theme="auto" on a dark
 * system. Contrast (WCAG AA): text 4.5:1, bars and record bars 3:1 against
 * the background and each other, in both palettes.
 */
const darkPalette = css`
  --_text: var(--ceop-stats-text-color, #e6edf3);
  --_muted: var(--ceop-stats-muted-color, #9ea7b3);
  --_background: var(--ceop-stats-background, #161b22);
  --_bar: var(--ceop-stats-bar-color, #4a6aa0);
  --_record: var(--ceop-stats-record-color, #ffb870);
  --_grid: var(--ceop-stats-grid-color, #3d444d);
  --_accent: var(--ceop-stats-accent-color, #6cb6ff);
  color-scheme: dark;
`;

export const styles = css`
  :host {
    --_text: var(--ceop-stats-text-color, #1f2328);
    --_muted: var(--ceop-stats-muted-color, #59636e);
    --_background: var(--ceop-stats-background, #ffffff);
    --_bar: var(--ceop-stats-bar-color, #7492c8);
    --_record: var(--ceop-stats-record-color, #6b2200);
    --_grid: var(--ceop-stats-grid-color, #d1d9e0);
    --_accent: var(--ceop-stats-accent-color, #0b5cad);
    --_radius: var(--ceop-stats-radius, 8px);
    --_space: var(--ceop-stats-spacing, 16px);
    --_chart-height: var(--ceop-stats-chart-height, 240px);
    color-scheme: light;

    display: block;
    /* Unset when the property is not given, so the page's font is inherited. */
    font-family: var(--ceop-stats-font-family);
    contain: content;
    min-width: 0;
  }

  :host([hidden]) {
    display: none;
  }

  :host([theme='dark']) {
    ${darkPalette}
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkPalette}
    }
  }

  /* Shields the card from the host page's inherited text styles. */
  .card {
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    line-height: 1.4;
    letter-spacing: normal;
    text-align: start;
    text-transform: none;
    white-space: normal;
  }

  .heading {
    min-height: 1.3em;
    margin: 0;
    font-size: 1.125em;
    font-weight: 700;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }

  .chart {
    position: relative;
    height: var(--_chart-height);
    min-width: 0;
  }

  .chart[hidden] {
    display: none;
  }

  /* Old data is never shown under a loading message. */
  .chart.loading canvas {
    visibility: hidden;
  }

  .status {
    position: absolute;
    inset: 0;
    display: flex;
    align-items: center;
    justify-content: center;
    margin: 0;
    color: var(--_muted);
  }

  /* Holds the counters' place while data loads: one row of value and label. */
  .counters-placeholder {
    min-height: calc(1.75em * 1.15 + 0.875em * 1.4 * 2);
  }

  canvas {
    display: block;
  }

  .alert {
    box-sizing: border-box;
    min-height: var(--_chart-height);
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: 0.25em;
    padding: var(--_space);
    border: 2px solid var(--_record);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }

  .alert strong {
    font-weight: 700;
  }

  .counters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(7.5em, 1fr));
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .counter {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }

  .counter-value {
    font-size: 1.75em;
    font-weight: 700;
    line-height: 1.15;
    font-variant-numeric: tabular-nums;
  }

  .counter-label {
    color: var(--_muted);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }

  .source {
    margin: 0;
    color: var(--_muted);
    font-size: 0.8125em;
    overflow-wrap: anywhere;
  }

  .source a {
    color: inherit;
  }

  .source a:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  @media (forced-colors: active) {
    :host {
      --_text: CanvasText;
      --_muted: CanvasText;
      --_background: Canvas;
      --_bar: CanvasText;
      --_record: Highlight;
      --_grid: GrayText;
      --_accent: Highlight;
    }

    .card {
      border: 1px solid CanvasText;
    }
  }
`;
