/**
 * ceop-stats/server: the widget's HTML for a server, with its declarative
 * shadow DOM (heading, summary, the data table in the chart's box, the
 * counters at their final values, the source line), for any Node server or
 * static site generator. Importing it defines <ceop-stats> for Lit's SSR and
 * makes every language's texts available at once (the browser fetches them
 * as chunks). The page still loads the widget's script, which takes the
 * server's render over (README, "Server rendering").
 * @module
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { CeopStats } from './ceop-stats-element.js';
import { tableRegion, tableStyles } from './element/data-table.js';
import { resolveLocale } from './model/attributes.js';
import { serverRender } from './element/server-render.js';
import { messages as cy } from './messages/cy.js';
import { provideMessages } from './messages/index.js';
import { defineOnce } from './runtime/define.js';
import { readContent } from './server/read-content.js';

export { CeopStats } from './ceop-stats-element.js';

/** An attribute's value: a string, or true for a boolean attribute such as `no-animation`; false, null or undefined leave it out. */
export type CeopStatsAttributeValue = string | number | boolean | null | undefined;

// Every language's texts at once (LANGUAGES in src/messages/index.ts lists them): a render never waits for one.
provideMessages('cy', cy);

/** The table fills the chart's box and scrolls inside it: the box keeps the chart's height, so the chart drawn later moves nothing. */
const STAND_IN_STYLES = `<style>${tableStyles.cssText}.chart>.table-wrap{box-sizing:border-box;height:100%;overflow:auto}</style>`;
serverRender.chartStandIn = (view) => html`${unsafeHTML(STAND_IN_STYLES)}${tableRegion(view)}`;

defineOnce('ceop-stats', CeopStats);

const ATTRIBUTE_NAME = /^[a-z][a-z0-9_.:-]*$/i;
const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function attributesHtml(attributes: Record<string, CeopStatsAttributeValue>): string {
  return Object.entries(attributes)
    .filter(([, value]) => value !== false && value !== null && value !== undefined)
    .map(([name, value]) => {
      if (!ATTRIBUTE_NAME.test(name)) throw new TypeError(`renderCeopStats: ${JSON.stringify(name)} is not an attribute name`);
      return value === true ? ` ${name}` : ` ${name}="${escapeAttribute(String(value))}"`;
    })
    .join('');
}

/**
 * The HTML of one `<ceop-stats>` element, rendered synchronously: its
 * attributes, its declarative shadow root, and `content` (the editor's
 * `<table>` or `<script type="application/json">`, written into the element
 * as given, so it must be trusted HTML) after it. The figures are read from
 * `content` as the browser reads the element's children, so the server's
 * HTML shows what the browser will.
 * @param attributes The element's attributes by name, as in HTML: `{ metric: 'arrests', 'no-animation': true }`.
 * @param content HTML inside the element: the widget's data, if it has its own.
 */
export function renderCeopStats(attributes: Record<string, CeopStatsAttributeValue> = {}, content = ''): string {
  const locale = resolveLocale(attributes['locale'], 'en-GB');
  serverRender.data = content ? readContent(content, locale) : undefined;
  try {
    const template = staticHtml`<ceop-stats${unsafeStatic(attributesHtml(attributes))}>${unsafeHTML(content)}</ceop-stats>`;
    return collectResultSync(render(template));
  } finally {
    serverRender.data = undefined;
  }
}
