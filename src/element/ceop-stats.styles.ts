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
  --_highlight: var(--ceop-stats-record-color, #ffb870);
  --_grid: var(--ceop-stats-grid-color, #3d444d);
  --_accent: var(--ceop-stats-accent-color, #6cb6ff);
  color-scheme: dark;
`;

export const styles = css`
  :host {
    --_radius: var(--ceop-stats-radius, 8px);
    --_space: var(--ceop-stats-spacing, 16px);
    /* The chart's box has this height at every width, so the lazily drawn chart never moves anything. */
    --_chart-height: max(160px, var(--ceop-stats-chart-height, 240px));

    display: block;
    /* The layout follows the widget's own width (a column, a sidebar), not the screen's. */
    container-type: inline-size;
    /* Inline-size containment gives the element no width of its own: never let a flex row squeeze it to nothing. */
    min-inline-size: min(100%, 280px);
    /* Unset when the property is not given, so the page's font is inherited. */
    font-family: var(--ceop-stats-font-family);
    contain: layout style;
  }

  :host([hidden]) {
    display: none;
  }

  /*
   * The palette belongs to the card, chosen by the parsed theme (a class),
   * so theme="Dark" or " dark " is as dark as theme="dark".
   */
  .card {
    --_text: var(--ceop-stats-text-color, #1f2328);
    --_muted: var(--ceop-stats-muted-color, #59636e);
    --_background: var(--ceop-stats-background, #ffffff);
    --_bar: var(--ceop-stats-bar-color, #7492c8);
    --_highlight: var(--ceop-stats-record-color, #6b2200);
    --_grid: var(--ceop-stats-grid-color, #d1d9e0);
    --_accent: var(--ceop-stats-accent-color, #0b5cad);
    color-scheme: light;
  }

  .card.dark {
    ${darkPalette}
  }

  @media (prefers-color-scheme: dark) {
    .card.auto {
      ${darkPalette}
    }
  }

  /*
   * Shields the card from the page's inherited text styles that would break
   * it. Line height, letter and word spacing are inherited on purpose: a
   * reader's text-spacing settings (WCAG 1.4.12) reach the widget.
   */
  .card {
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    text-align: start;
    text-indent: 0;
    text-transform: none;
    white-space: normal;
    word-break: normal;
    /* Long words (Welsh, a URL in a source line) break rather than stick out. */
    overflow-wrap: anywhere;
    hyphens: manual;
  }

  .heading {
    min-height: 1.3em;
    margin: 0;
    font-size: 1.125em;
    font-weight: 700;
    line-height: 1.3;
  }

  .summary,
  .summary-placeholder {
    margin: 0;
    font-size: 0.9375em;
  }

  .toolbar,
  .toolbar-placeholder {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
  }

  .toggle,
  .download,
  .toggle-placeholder {
    font: inherit;
    font-size: 0.875em;
    color: var(--_text);
    background: transparent;
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.25em 0.75em;
    max-inline-size: 100%;
    text-align: center;
    cursor: pointer;
  }

  .toggle:focus-visible,
  .download:focus-visible,
  .chart-focus:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .chart-or-table {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }

  .chart-or-table[hidden],
  .chart[hidden] {
    display: none;
  }

  /* A definite height: the canvas is drawn into it later and moves nothing. */
  .chart {
    position: relative;
    height: var(--_chart-height);
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

  /* The table wraps its cells to the width; scrolling sideways is the last resort, never cutting off. */
  .table-wrap {
    overflow-x: auto;
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

  /*
   * While data loads, the texts to come have their room held: the loading
   * look lays out the texts and counters it expects (see loadingRoom), with
   * the rules of the real ones, unseen. Their words are attributes drawn
   * here, so there is nothing to read, select or index.
   */
  .placeholder {
    visibility: hidden;
  }

  [data-text]::before {
    content: attr(data-text);
  }

  canvas {
    display: block;
    /* Chromium spaces a canvas's text by the element's letter-spacing (though the context says 0px): the page's
       text spacing would widen the labels past what the chart measured for them. */
    letter-spacing: normal;
    word-spacing: normal;
  }

  .alert {
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: 0.25em;
    padding: var(--_space);
    border: 2px solid var(--_highlight);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }

  .alert strong {
    font-weight: 700;
  }

  /* One, two or three columns, as the widget's width and the page's font allow. */
  .counters,
  .counters-placeholder {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 8.5em), 1fr));
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .counter,
  .counter-placeholder {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }

  .counter-value,
  .value-placeholder {
    display: flex;
    flex-direction: column;
    font-size: 1.75em;
    font-weight: 700;
    line-height: 1.15;
    font-variant-numeric: tabular-nums;
  }

  /* As wide as the final figure from the first frame, so nothing beside or below moves while it counts up. */
  .counter-value::after {
    content: attr(data-final);
    height: 0;
    overflow: hidden;
    visibility: hidden;
  }

  .counter-label,
  .label-placeholder {
    color: var(--_muted);
    font-size: 0.875em;
  }

  /* In a phone's column, one counter a row, its label beside the figure: a third of the height of three stacks. */
  @container (max-width: 419px) {
    .counters,
    .counters-placeholder {
      grid-template-columns: max-content 1fr;
      gap: calc(var(--_space) / 2) 0.75em;
    }

    /* The rows share the figures' column (subgrid), so the labels line up. */
    .counter,
    .counter-placeholder {
      grid-column: 1 / -1;
      display: grid;
      grid-template-columns: minmax(3.2em, max-content) 1fr;
      grid-template-columns: subgrid;
      align-items: baseline;
    }

    .counter-value,
    .value-placeholder {
      font-size: 1.5em;
    }
  }

  .source,
  .source-placeholder {
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

  .table-failed {
    margin: 0;
  }

  @media print {
    .downloads,
    .toolbar {
      display: none;
    }

    .card {
      break-inside: avoid-page;
    }

    .chart {
      break-inside: avoid;
    }

    /* Scaled to the page from a bitmap drawn at three times the pixel ratio. */
    canvas {
      width: 100% !important;
      height: 100% !important;
    }
  }

  @media (forced-colors: active) {
    /* As specific as the theme classes, so system colours win over both palettes. */
    .card.light,
    .card.dark,
    .card.auto {
      --_text: CanvasText;
      --_muted: CanvasText;
      --_background: Canvas;
      --_bar: CanvasText;
      --_highlight: Highlight;
      --_grid: GrayText;
      --_accent: Highlight;
      border: 1px solid CanvasText;
    }
  }
`;
