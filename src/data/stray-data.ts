/**
 * Data meant for a widget that ended up beside it. WordPress's automatic
 * paragraphs (wpautop, in classic content) turn
 *
 *   <ceop-stats metric="children"><table>…</table></ceop-stats>
 *
 * into `<p><ceop-stats metric="children"></p><table>…</table><p></ceop-stats></p>`,
 * and the browser closes the element at the first `</p>`: an empty widget
 * alone at the end of a paragraph, the editor's table right after it. Drawing
 * the bundled figures there would show other numbers than the editor's, with
 * the editor's table under them, so the widget reports it instead. In the
 * entry, and small: it runs for every widget without data of its own.
 */
/** The table or JSON script that wpautop has pushed out of `host`, if that is what the page looks like. */
export function strayData(host: Element): Element | undefined {
  const paragraph = host.parentElement;
  const next = paragraph?.nextElementSibling;
  // Empty but for the line breaks wpautop may leave in it, in a paragraph followed by data of the kind a widget reads.
  if (paragraph?.localName !== 'p' || host.textContent.trim() || host.querySelector(':not(br)')) return undefined;
  return next?.matches('table, script[type="application/json"]') ? next : undefined;
}
