/**
 * The chart as an HTML table: what a screen reader user, a keyboard user or
 * a printed page gets instead of (or beside) the picture. Same figures, same
 * records, same notes, formatted for the locale.
 */
/* eslint-disable lit-a11y/no-redundant-role -- the roles are what keeps a narrow widget's restyled table a table for screen readers. */
import { html, nothing } from 'lit';
import { type Dataset, type Measure, isPartialTotal, measureTotal } from '../data/dataset.js';
import { formatCount } from './format.js';
import type { Messages } from '../messages/en.js';
import type { Series } from './series.js';

export interface DataTableInput {
  id: string;
  caption: string;
  dataset: Dataset;
  measure: Measure;
  series: Series;
  locale: string;
  messages: Messages;
}

export function renderDataTable({ id, caption, dataset, measure, series, locale, messages }: DataTableInput) {
  const hasNotes = series.notes.some((notes) => notes.length > 0);
  const totalLabel = messages.totalRow(dataset.totalLabel, isPartialTotal(measure));
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
        <th scope="row" role="rowheader">${totalLabel}</th>
        <td role="cell" class="number">${formatCount(measureTotal(measure), locale)}</td>
        <td role="cell"></td>
        ${hasNotes ? html`<td role="cell"></td>` : nothing}
      </tr>
    </tfoot>
  </table>`;
}
