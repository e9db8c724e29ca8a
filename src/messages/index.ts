/**
 * Which texts a widget uses: the messages of its locale's language, else
 * English. English is in the entry module; every other language is a chunk
 * of its own, fetched by dynamic import the first time a widget needs it,
 * once for the whole page.
 */
import { CEOP_FIGURES } from '../model/ceop-figures.js';
import { type Dataset, type Measure, isPartialTotal } from '../model/dataset.js';
import { type Messages, messages as en } from './en.js';

/**
 * Every language but English, by language subtag (lower case). Adding one is
 * a file beside this one that exports `messages: Messages`, a line here, and
 * one in src/server.ts, which has every language's messages at once.
 */
export const LANGUAGES: Record<string, () => Promise<{ messages: Messages }>> = {
  cy: () => import('./cy.js'),
};

/** Each language's messages once fetched, or the promise of them while they are. */
const byLanguage = new Map<string, Messages | Promise<Messages>>();

/** Makes a language's messages available at once, where nothing is fetched: the server entry gives every language's. */
export function provideMessages(language: string, messages: Messages): void {
  byLanguage.set(language, messages);
}

/**
 * The texts for a locale: English for a language without messages of its own (English
 * itself included), else that language's messages, or while they are fetched a
 * promise of it. A chunk that cannot be fetched (offline, blocked) leaves
 * its language in English for the rest of the page's life, with one warning,
 * rather than widgets waiting for ever.
 */
export function messagesFor(locale: string): Messages | Promise<Messages> {
  // "cy" for cy-GB. Own keys only: "toString" is a well-formed language tag.
  const language = locale.split('-')[0]!.toLowerCase();
  if (!Object.hasOwn(LANGUAGES, language)) return en;
  let found = byLanguage.get(language);
  if (!found) {
    found = LANGUAGES[language]!()
      .then(
        (module) => module.messages,
        () => {
          console.warn(`<ceop-stats>: the texts for "${language}" could not be loaded; showing English.`);
          return en;
        },
      )
      .then((messages) => {
        byLanguage.set(language, messages);
        return messages;
      });
    byLanguage.set(language, found);
  }
  return found;
}

/**
 * The data in the words of the messages: the bundled figures' labels, notes
 * and total label translated; an editor's own data is theirs and stays as it is.
 */
export function localizeData(dataset: Dataset, messages: Messages): Dataset {
  return dataset === CEOP_FIGURES && messages.bundled ? messages.bundled(dataset) : dataset;
}

/** A counter's label, on screen and in the picture: a sum that leaves out unreported years says so, rather than pass for the whole. */
export function counterLabel(measure: Measure, messages: Messages): string {
  return isPartialTotal(measure) ? messages.partialLabel(measure.label) : measure.label;
}
