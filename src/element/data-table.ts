/**
 * The chart as an HTML table: what a screen reader user, a keyboard user or
 * a printed page gets instead of (or beside) the picture. Same figures, same
 * records, same notes, formatted for the locale. A chunk of its own, which
 * the widget fetches after its first render, so that the first paint does
 * not wait for it and opening the table or printing does not either.
 */
/* eslint-disable lit-a11y/no-redundant-role -- the roles are what keeps a narrow widget's restyled table a table for screen readers. */
import { css, html, nothing } from 'lit';
import { formatCount } from '../model/format.js';
import type { Messages } from '../messages/en.js';
import type { Series } from '../view/series.js';
import type { ReadyView } from '../view/widget-view.js';

export interface DataTableInput {
  id: string;
  caption: string;
  series: Series;
  messages: Messages;
}

export function renderDataTable({ id, caption, series, messages }: DataTableInput) {
  const { measure, locale, total } = series;
  const hasNotes = series.notes.some((notes) => notes.length > 0);
  // Explicit roles keep it a table for screen readers when a narrow widget lays its rows out as blocks (see the styles).
  return html`<table id=${id} class="data-table" role="table">
    <caption>${caption}</caption>
    <thead role="rowgroup">
      <tr role="row">
        <th scope="col" role="columnheader">${messages.yearColumn}</th>
        <th scope="col" role="columnheader" class="number">${measure.label}</th>
        <th scope="col" role="columnheader">${messages.record}</th>
        ${hasNotes ? html`<th scope="col" role="columnheader">${messages.noteColumn}</th>` : nothing}
      </tr>
    </thead>
    <tbody role="rowgroup">
      ${series.labels.map((year, i) => {
        const value = series.values[i];
        return html`<tr role="row">
          <th scope="row" role="rowheader">${year}</th>
          <td role="cell" class="number">
            ${value === null || value === undefined ? messages.notReported : formatCount(value, locale)}
          </td>
          <td role="cell">${series.records[i] ? messages.record : ''}</td>
          ${hasNotes ? html`<td role="cell" class="note">${series.notes[i]!.join(' ')}</td>` : nothing}
        </tr>`;
      })}
    </tbody>
    <tfoot role="rowgroup">
      <tr role="row">
        <th scope="row" role="rowheader">${total.label}</th>
        <td role="cell" class="number">${formatCount(total.value, locale)}</td>
        <td role="cell"></td>
        ${hasNotes ? html`<td role="cell"></td>` : nothing}
      </tr>
    </tfoot>
  </table>`;
}

/** The table region: the table in a focusable, labelled box that scrolls sideways only as a last resort. */
export function tableRegion({ series, messages, heading }: ReadyView) {
  return html`<div class="table-wrap" part="table" tabindex="0" role="region" aria-labelledby="table">
    ${renderDataTable({ id: 'table', caption: heading, series, messages })}
  </div>`;
}

/** The table's styles, added to a widget's shadow root with the chunk (they take no room in the entry). */
export const tableStyles = css`
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
    overflow-wrap: anywhere;
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

  /*
   * In a phone's column four columns cannot fit without breaking words into
   * letters: each year becomes a block, its figure labelled, the record and
   * the note beneath. The header row stays for screen readers, which the
   * table's explicit roles keep reading it as a table.
   */
  @container (max-width: 419px) {
    .data-table,
    .data-table tbody,
    .data-table tfoot,
    .data-table caption {
      display: block;
    }

    .data-table thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }

    .data-table tr {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      column-gap: 0.75em;
      padding-block: 0.3em;
      border-block-end: 1px solid var(--_grid);
    }

    .data-table tfoot tr {
      border-block-end: 0;
    }

    .data-table th,
    .data-table td {
      padding: 0;
      border: 0;
      overflow-wrap: break-word;
    }

    .data-table th[scope='row'] {
      flex: 1 1 auto;
    }

    .data-table .number {
      margin-inline-start: auto;
    }

    .data-table td:not(.number) {
      flex: 1 0 100%;
    }

    .data-table td:empty {
      display: none;
    }

    .data-table .note {
      color: var(--_muted);
    }
  }
`;
