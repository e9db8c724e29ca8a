/**
 * The chart as an HTML table: what a screen reader user, a keyboard user or
 * a printed page gets instead of (or beside) the picture. Same figures, same
 * records, same notes, formatted for the locale.
 */
import { html, nothing } from 'lit';
import { type Dataset, type Measure, isPartialTotal, measureTotal } from './dataset.js';
import { formatCount } from './format.js';
import type { Messages } from './messages/en.js';
import type { SeriesView } from './series-view.js';

export interface DataTableInput {
  id: string;
  caption: string;
  dataset: Dataset;
  measure: Measure;
  view: SeriesView;
  locale: string;
  messages: Messages;
}

export function renderDataTable({ id, caption, dataset, measure, view, locale, messages }: DataTableInput) {
  const hasNotes = view.notes.some((notes) => notes.length > 0);
  const totalLabel = messages.totalRow(dataset.totalLabel, isPartialTotal(measure));
  return html`<table id=${id} class="data-table">
    <caption>${caption}</caption>
    <thead>
      <tr>
        <th scope="col">${messages.yearColumn}</th>
        <th scope="col" class="number">${measure.label}</th>
        <th scope="col">${messages.record}</th>
        ${hasNotes ? html`<th scope="col">${messages.noteColumn}</th>` : nothing}
      </tr>
    </thead>
    <tbody>
      ${view.labels.map((year, i) => {
        const value = view.values[i];
        return html`<tr>
          <th scope="row">${year}</th>
          <td class="number">${value === null || value === undefined ? messages.notReported : formatCount(value, locale)}</td>
          <td>${view.records[i] ? messages.record : ''}</td>
          ${hasNotes ? html`<td>${view.notes[i]!.join(' ')}</td>` : nothing}
        </tr>`;
      })}
    </tbody>
    <tfoot>
      <tr>
        <th scope="row">${totalLabel}</th>
        <td class="number">${formatCount(measureTotal(measure), locale)}</td>
        <td></td>
        ${hasNotes ? html`<td></td>` : nothing}
      </tr>
    </tfoot>
  </table>`;
}
