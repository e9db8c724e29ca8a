/**
 * The server API's reading of a widget's content (the editor's JSON script or
 * table), as the browser reads the element's children: the HTML is parsed as
 * a browser parses it inside the element (parse5 follows the HTML standard,
 * tables included), and the same reader and validator as in the browser turn
 * it into data, or into the same problem.
 */
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import type { DataState } from '../view/widget-view.js';
import { datasetFromJson } from '../data/loaders.js';
import { type CellLike, type RowLike, type TableLike, readTable } from '../data/table-reader.js';
import { type Result, problemOf } from '../model/result.js';
import type { Dataset } from '../model/dataset.js';

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'];
type Element = DefaultTreeAdapterMap['element'];

const isElement = (node: Node): node is Element => 'tagName' in node;
const childElements = (node: Node, name?: string): Element[] =>
  'childNodes' in node ? node.childNodes.filter((child): child is Element => isElement(child) && (!name || child.tagName === name)) : [];
const attribute = (element: Element, name: string): string | null => element.attrs.find((a) => a.name === name)?.value ?? null;

/** Text of every text node inside, as textContent gives it. */
function textContent(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  return 'childNodes' in node ? node.childNodes.map(textContent).join('') : '';
}

function cell(element: Element): CellLike {
  return { textContent: textContent(element), getAttribute: (name) => attribute(element, name) };
}

/** A table as HTMLTableElement's rows, tHead and tFoot give it: the heads' rows, then the body's, then the feet's, one object per row. */
function tableOf(table: Element): TableLike {
  const made = new Map<Element, RowLike>();
  const row = (tr: Element, parent: Element): RowLike => {
    let found = made.get(tr);
    if (!found) {
      const cells = childElements(tr).filter((child) => child.tagName === 'td' || child.tagName === 'th');
      found = { cells: cells.map(cell), parentElement: { localName: parent.tagName } };
      made.set(tr, found);
    }
    return found;
  };
  const rowsIn = (section: Element): RowLike[] => childElements(section, 'tr').map((tr) => row(tr, section));
  const sections = (name: string) => childElements(table, name);
  const body = childElements(table).flatMap((child) =>
    child.tagName === 'tr' ? [row(child, table)] : child.tagName === 'tbody' ? rowsIn(child) : [],
  );
  const first = (name: string) => {
    const section = sections(name)[0];
    return section ? { rows: rowsIn(section) } : null;
  };
  return {
    rows: [...sections('thead').flatMap(rowsIn), ...body, ...sections('tfoot').flatMap(rowsIn)],
    tHead: first('thead'),
    tFoot: first('tfoot'),
  };
}

const stateOf = (result: Result<Dataset>): DataState =>
  result.ok ? { status: 'ready', dataset: result.value } : { status: 'error', problem: problemOf(result) };

/**
 * The data a widget with this content shows, or undefined when it has none
 * (the bundled figures). `locale` is the one a table's numbers are read in.
 */
export function readContent(content: string, locale: string): DataState | undefined {
  // Parsed where the browser parses it: in a <ceop-stats> in a page's body, which the content may even close early.
  const document = parse(`<!doctype html><body><ceop-stats>${content}</ceop-stats>`);
  const body = childElements(childElements(document, 'html')[0]!, 'body')[0]!;
  const host = childElements(body, 'ceop-stats')[0]!;
  const script = childElements(host, 'script').find((s) => attribute(s, 'type')?.toLowerCase() === 'application/json');
  if (script) return stateOf(datasetFromJson(textContent(script), 'inline JSON'));
  const table = childElements(host, 'table')[0];
  return table ? stateOf(readTable(tableOf(table), locale)) : undefined;
}
