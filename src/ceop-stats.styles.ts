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
    /*
     * A fixed height, the same as the documented ceop-stats:not(:defined) rule,
     * so that nothing on the page moves while the script and data load.
     */
    height: var(--ceop-stats-height, calc(var(--_chart-height) + 300px));
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
    height: 100%;
    overflow: auto;
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

  .summary {
    margin: 0;
    font-size: 0.9375em;
    overflow-wrap: anywhere;
  }

  .toolbar {
    display: flex;
    justify-content: flex-end;
  }

  .toggle,
  .download {
    font: inherit;
    font-size: 0.875em;
    color: var(--_text);
    background: transparent;
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.25em 0.75em;
    cursor: pointer;
  }

  .toggle:focus-visible,
  .download:focus-visible,
  .chart-focus:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  /* The chart or the table takes the height the text leaves. */
  .view {
    flex: 1 1 auto;
    min-height: 140px;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }

  .view[hidden],
  .chart[hidden] {
    display: none;
  }

  .chart {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    min-width: 0;
  }

  /* Takes keyboard focus over the canvas; the mouse goes through to the chart. */
  .chart-focus {
    position: absolute;
    inset: 0;
    z-index: 1;
    pointer-events: none;
    border-radius: calc(var(--_radius) / 2);
  }

  .table-wrap {
    flex: 1 1 auto;
    min-height: 0;
    overflow: auto;
  }

  .data-table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.875em;
  }

  .data-table caption {
    text-align: start;
    font-weight: 700;
    padding-block-end: 0.25em;
  }

  .data-table th,
  .data-table td {
    padding: 0.3em 0.5em;
    border-block-end: 1px solid var(--_grid);
    text-align: start;
  }

  .data-table .number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .data-table tfoot th,
  .data-table tfoot td {
    font-weight: 700;
    border-block-end: 0;
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
    flex: 1 1 auto;
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

  /*
   * Download buttons (the downloads attribute): the toggle's look, focus ring
   * and, through the same custom properties, its forced-colours palette.
   */
  .downloads {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }

  .download-status {
    margin: 0;
    font-size: 0.875em;
  }

  @media print {
    .downloads {
      display: none;
    }

    :host {
      height: auto;
    }

    .card {
      height: auto;
      overflow: visible;
    }

    .toolbar {
      display: none;
    }

    .chart {
      flex: none;
      height: var(--_chart-height);
      break-inside: avoid;
    }

    /* Scaled to the page from a bitmap drawn at three times the pixel ratio. */
    canvas {
      width: 100% !important;
      height: 100% !important;
    }
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
