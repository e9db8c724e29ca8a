/**
 * The bundled figures (src/model/ceop-figures.ts) in another language: their
 * labels, notes, total label and source line. Imported by the messages of
 * languages other than English, so this code is fetched only with them.
 */
import type { Dataset } from '../model/dataset.js';
import type { BundledTexts } from './en.js';

/** A language's `bundled`: the figures with these texts in place of their English ones, made once. */
export function figuresIn(texts: BundledTexts): (figures: Dataset) => Dataset {
  let translated: Dataset | undefined;
  return (figures) =>
    (translated ??= {
      ...figures,
      totalLabel: texts.totalLabel,
      source: figures.source && { ...figures.source, label: texts.source },
      measures: figures.measures.map((measure) => ({
        ...measure,
        label: texts.measures[measure.id as keyof BundledTexts['measures']],
        notes: measure.notes?.map((note) => ({ ...note, text: texts.notes[note.id as keyof BundledTexts['notes']] })),
      })),
    });
}
