import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CeopStats } from '../../src/ceop-stats.js';
import { BOM, buildCsv, downloadName, numberCell, textCell } from '../../src/view/csv.js';
import { CEOP_FIGURES } from '../../src/model/ceop-figures.js';
import { seriesOf } from '../../src/view/series.js';
import { parseOptions } from '../../src/model/attributes.js';
import { messages as en } from '../../src/messages/en.js';
import {
  canvasOf,
  captureWarnings,
  countPixels,
  MARKER_STYLE,
  MARKERS,
  readBars,
  renderWidget,
  type Rgb,
  shadow,
  watchUncaughtErrors,
} from '../helpers/index.js';
import { eventually } from '../helpers/eventually.js';

/** What a download handed to the browser: the Blob, the file name on the link, and whether its URL was let go. */
interface Download {
  blob: Blob;
  name: string;
  url: string;
}

type PageWindow = Window & typeof globalThis;

/**
 * Records downloads instead of making them: the Blob given to
 * URL.createObjectURL, and the file name of the link clicked (which is not
 * followed, so no browser opens a save dialog).
 */
function captureDownloads(win: PageWindow = window) {
  const createDescriptor = Object.getOwnPropertyDescriptor(win.URL, 'createObjectURL')!;
  const revokeDescriptor = Object.getOwnPropertyDescriptor(win.URL, 'revokeObjectURL')!;
  const realCreate = win.URL.createObjectURL.bind(win.URL);
  const realRevoke = win.URL.revokeObjectURL.bind(win.URL);
  const realClick = Object.getOwnPropertyDescriptor(win.HTMLElement.prototype, 'click')!;
  const blobs = new Map<string, Blob>();
  const downloads: Download[] = [];
  const revoked: string[] = [];
  win.URL.createObjectURL = (object: Blob | MediaSource) => {
    const url = realCreate(object);
    if (object instanceof win.Blob) blobs.set(url, object);
    return url;
  };
  win.URL.revokeObjectURL = (url: string) => {
    revoked.push(url);
    realRevoke(url);
  };
  Object.defineProperty(win.HTMLAnchorElement.prototype, 'click', {
    configurable: true,
    writable: true,
    value(this: HTMLAnchorElement) {
      const blob = blobs.get(this.href);
      if (this.download && blob) downloads.push({ blob, name: this.download, url: this.href });
      else (realClick.value as (this: HTMLElement) => void).call(this);
    },
  });
  return {
    downloads,
    revoked,
    restore() {
      Object.defineProperty(win.URL, 'createObjectURL', createDescriptor);
      Object.defineProperty(win.URL, 'revokeObjectURL', revokeDescriptor);
      delete (win.HTMLAnchorElement.prototype as { click?: unknown }).click;
    },
  };
}

let capture: ReturnType<typeof captureDownloads>;

/** Whether the page has fetched a script whose URL contains `part`. */
const fetched = (part: string) => performance.getEntriesByType('resource').some((entry) => entry.name.includes(part));

const buttons = (el: CeopStats) => [...shadow(el).querySelectorAll<HTMLButtonElement>('[part="downloads"] button')];
const csvButton = (el: CeopStats) => buttons(el)[0]!;
const pngButton = (el: CeopStats) => buttons(el)[1]!;
const statusText = (el: CeopStats) => shadow(el).querySelector('[part="downloads"] [role="status"]')?.textContent.trim();

/** Waits for the nth download (1-based) after a click; the files are made after the chunk loads. */
async function nthDownload(count: number): Promise<Download> {
  await eventually(() => capture.downloads.length >= count, `download ${count} made`);
  return capture.downloads[count - 1]!;
}

/** The file's text with its byte-order mark kept (Blob.text() would drop it), after checking the bytes are UTF-8's mark. */
async function csvText(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  expect([...bytes.slice(0, 3)], 'UTF-8 byte-order mark').to.deep.equal([0xef, 0xbb, 0xbf]);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** An RFC 4180 reader, independent of the writer under test: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field === '' && row.length === 0, 'the file ends with CRLF').to.equal(true);
  return rows;
}

/** The decoded picture on a canvas, for the pixel helpers. */
async function decode(blob: Blob): Promise<HTMLCanvasElement> {
  const bitmap = await createImageBitmap(blob);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  bitmap.close();
  return canvas;
}

function distinctColours(canvas: HTMLCanvasElement): number {
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  const colours = new Set<number>();
  for (let i = 0; i < data.length; i += 4) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
  return colours.size;
}

const crlfLines = (lines: string[]) => BOM + lines.map((line) => `${line}\r\n`).join('');

const N1 =
  'Not reported separately: 84 networks in 2006/07 and 2007/08 together (166 since 2006 less 82 in 2008/09); the split between the two years was not published.';
const SOURCE_ROW =
  'Source:,CEOP Annual Review 2010/11 (May 2011),https://www.theguardian.com/uk/2011/may/31/police-ceop-online-paedophiles';

/** A figure as the reader sees it ("1,038", "1.038", "Not reported") as a number, or null where there is none. */
function figure(text: string): number | null {
  const digits = text.replace(/\D/g, '');
  return digits === '' ? null : Number(digits);
}

/** The table view as shown, switched to and back: header, year rows and total row, figures read as numbers. */
async function tableViewFigures(el: CeopStats) {
  const toggle = shadow(el).querySelector<HTMLButtonElement>('.toggle')!;
  toggle.click();
  await el.updateComplete;
  const table = shadow(el).querySelector('table')!;
  const cells = (tr: Element) => [...tr.children].map((cell) => cell.textContent.trim());
  const header = cells(table.querySelector('thead tr')!);
  // The table has a note column only when some year has a note; the file always has one, empty where the table has none.
  const hasNotes = header.length === 4;
  const withNote = (row: string[]) => (hasNotes ? row : [...row, '']);
  const rows = [...table.querySelectorAll('tbody tr')].map(cells).map(withNote);
  const total = cells(table.querySelector('tfoot tr')!);
  toggle.click();
  await el.updateComplete;
  return {
    /** Without a note column, the file's heading of it is not compared. */
    header: hasNotes ? header : header.slice(0, 3),
    rows: rows.map(([year, value, record, note]) => [year, figure(value!), record, note]),
    total: [total[0], figure(total[1]!)],
  };
}

/** The final figure of the counter labelled like the measure. */
function counterFigure(el: CeopStats, label: string): number | null {
  const counter = [...shadow(el).querySelectorAll('.counter')].find((c) => c.querySelector('.counter-label')!.textContent.trim() === label);
  return counter ? figure(counter.querySelector('.counter-value')!.textContent) : null;
}

/** The CSV's rows in the same shape: figures as numbers, empty cells as null. */
function csvFigures(rows: string[][]) {
  const blank = rows.findIndex((row) => row.length === 1 && row[0] === '');
  const data = rows.slice(0, blank === -1 ? undefined : blank);
  const [header, ...body] = data;
  const total = body.pop()!;
  for (const row of [...body, total]) expect(row[1], 'a number cell is digits or empty').to.match(/^(\d+)?$/);
  return {
    header,
    rows: body.map(([year, value, record, note]) => [year, value === '' ? null : Number(value), record, note]),
    total: [total[0], Number(total[1])],
    source: blank === -1 ? undefined : rows.slice(blank + 1),
  };
}

async function downloadCsvOf(el: CeopStats, count = 1): Promise<{ download: Download; text: string }> {
  csvButton(el).click();
  const download = await nthDownload(count);
  return { download, text: await csvText(download.blob) };
}

describe('downloads', () => {
  let uncaught: ReturnType<typeof watchUncaughtErrors>;
  beforeEach(() => {
    uncaught = watchUncaughtErrors();
    capture = captureDownloads();
  });
  afterEach(() => {
    capture.restore();
    uncaught.stop();
    expect(uncaught.errors, 'uncaught errors').to.deep.equal([]);
  });

  // First in this file: no chart code has been fetched in its page yet.
  describe('before any chart is drawn', () => {
    it('PNG: loads the chart code first when no chart on the page has needed it yet', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px"><div style="height: 300vh"></div></div>`);
      const el = document.createElement('ceop-stats');
      el.setAttribute('style', MARKER_STYLE);
      el.noAnimation = true;
      el.downloads = true;
      wrapper.append(el);
      await el.updateComplete;
      expect(fetched('/src/chart/bar-chart.ts'), 'chart code fetched before the click').to.equal(false);
      pngButton(el).click();
      const drawn = readBars(await decode((await nthDownload(1)).blob));
      expect(drawn).to.have.length(5);
      expect(fetched('/src/chart/bar-chart.ts')).to.equal(true);
    });
  });

  describe('the buttons', () => {
    it('are not there without the attribute', async () => {
      const el = await renderWidget();
      expect(el.downloads).to.equal(false);
      expect(shadow(el).querySelector('[part="downloads"]')).to.equal(null);
    });

    it('appear with it, labelled, below the chart, and go when it is removed', async () => {
      const el = await renderWidget({ downloads: true });
      expect(el.downloads).to.equal(true);
      expect(buttons(el).map((b) => b.textContent.trim())).to.deep.equal(['Download data (CSV)', 'Download image (PNG)']);
      expect(buttons(el).map((b) => b.type)).to.deep.equal(['button', 'button']);
      const chart = shadow(el).querySelector('.chart')!.getBoundingClientRect();
      expect(csvButton(el).getBoundingClientRect().top).to.be.at.least(chart.bottom);
      el.downloads = false;
      await el.updateComplete;
      expect(el.hasAttribute('downloads'), 'reflected').to.equal(false);
      expect(buttons(el)).to.have.length(0);
    });

    it('are reached with Tab after the chart, and Enter downloads', async () => {
      const el = await renderWidget({ downloads: true });
      shadow(el).querySelector<HTMLElement>('.chart-focus')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement).to.equal(csvButton(el));
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement).to.equal(pngButton(el));
      csvButton(el).focus();
      await sendKeys({ press: 'Enter' });
      expect((await nthDownload(1)).name).to.equal('ceop-stats-children-2006-2010.csv');
    });

    it('are not there while the data loads, and appear when it has', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
      const el = document.createElement('ceop-stats');
      el.noAnimation = true;
      el.downloads = true;
      el.src = '/api/dataset.json?delay=1000';
      const ready = oneEvent(el, 'ceop-stats-ready');
      wrapper.append(el);
      await el.updateComplete;
      expect(shadow(el).querySelector('[role="status"]')?.textContent).to.equal('Loading data…');
      expect(shadow(el).querySelector('[part="downloads"]')).to.equal(null);
      await ready;
      expect(buttons(el)).to.have.length(2);
    });

    it('are not there in the error state', async () => {
      const warnings = captureWarnings();
      try {
        const el = await fixture<CeopStats>(html`<ceop-stats downloads metric="nope"></ceop-stats>`);
        expect(shadow(el).querySelector('[role="alert"]')).to.exist;
        expect(shadow(el).querySelector('[part="downloads"]')).to.equal(null);
      } finally {
        warnings.restore();
      }
    });

    it('pass axe with the buttons shown', async () => {
      // The default palettes, not the test marker colours: contrast is part of what axe checks.
      const el = await fixture<CeopStats>(html`<ceop-stats theme="light" no-animation metric="networks" downloads></ceop-stats>`);
      expect(buttons(el)).to.have.length(2);
      await expect(el).to.be.accessible();
    });
  });

  describe('CSV', () => {
    it('networks: the table view as a file; the years never published are empty, never 0', async () => {
      const el = await renderWidget({ metric: 'networks', downloads: true });
      const { download, text } = await downloadCsvOf(el);
      expect(download.name).to.equal('ceop-stats-networks-2006-2010.csv');
      expect(download.blob.type).to.equal('text/csv;charset=utf-8');
      expect(text).to.equal(
        crlfLines([
          'Year,Offender networks dismantled or disrupted,Record,Note',
          `2006/07,,,${N1}`,
          `2007/08,,,${N1}`,
          '2008/09,82,,',
          '2009/10,96,Record,',
          '2010/11,132,Record,',
          'Total since April 2006,394,,',
          '',
          SOURCE_ROW,
        ]),
      );
      const rows = parseCsv(text.slice(1));
      expect([rows[1]![1], rows[2]![1]]).to.deep.equal(['', '']);
    });

    it('children from 2008: the years shown, and the total row as the table shows it', async () => {
      const el = await renderWidget({ metric: 'children', from: '2008', downloads: true });
      const { download, text } = await downloadCsvOf(el);
      expect(download.name).to.equal('ceop-stats-children-2008-2010.csv');
      expect(text).to.equal(
        crlfLines([
          'Year,Children safeguarded or protected,Record,Note',
          '2008/09,139,Record,',
          '2009/10,278,Record,',
          '2010/11,414,Record,',
          'Total since April 2006,1038,,',
          '',
          SOURCE_ROW,
        ]),
      );
    });

    const views: Record<string, string>[] = [
      { metric: 'networks' },
      { metric: 'children', from: '2008' },
      { metric: 'arrests', locale: 'de', to: '2009' },
      { metric: 'networks', locale: 'cy' },
    ];
    for (const attributes of views) {
      it(`agrees with the table view and the counter: ${JSON.stringify(attributes)}`, async () => {
        const el = await renderWidget({ ...attributes, downloads: true });
        const { text } = await downloadCsvOf(el);
        const file = csvFigures(parseCsv(text.slice(1)));
        const table = await tableViewFigures(el);
        expect(file.header!.slice(0, table.header.length)).to.deep.equal(table.header);
        expect(file.rows).to.deep.equal(table.rows);
        expect(file.total).to.deep.equal(table.total);
        expect(file.total[1], 'the counter').to.equal(counterFigure(el, file.header![1]!));
        expect(file.source).to.have.length(1);
        expect(file.source![0]![1]).to.equal(shadow(el).querySelector('.source a')!.textContent.trim());
      });
    }

    it('quotes commas, quotes and line breaks, and neutralises cells that would run as formulas', async () => {
      const dataset = {
        years: ['2001', '2002', '2003'],
        measures: [
          {
            id: 'cases',
            label: '=cmd|\' /C calc\'!A0, "quoted"',
            values: [10, null, 20],
            notes: [
              { years: ['2002'], text: 'Line one,\nline "two"' },
              { years: ['2003'], text: '@SUM(1+1)' },
            ],
          },
        ],
        source: { label: '+Lab, "Inc"', url: 'https://example.org/a,b' },
      };
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
      const el = document.createElement('ceop-stats');
      el.setAttribute('style', MARKER_STYLE);
      el.noAnimation = true;
      el.downloads = true;
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = JSON.stringify(dataset);
      el.append(script);
      const ready = oneEvent(el, 'ceop-stats-ready');
      wrapper.append(el);
      await ready;

      const { download, text } = await downloadCsvOf(el);
      expect(download.name).to.equal('ceop-stats-cases-2001-2003.csv');
      expect(text).to.equal(
        crlfLines([
          'Year,"\'=cmd|\' /C calc\'!A0, ""quoted""",Record,Note',
          '2001,10,Record,',
          '2002,,,"Line one,\nline ""two"""',
          "2003,20,,'@SUM(1+1)",
          'Total of the years reported,30,,',
          '',
          'Source:,"\'+Lab, ""Inc""","https://example.org/a,b"',
        ]),
      );
      // Read back, each cell is the text itself (formulas as text), and the file agrees with the table view.
      const rows = parseCsv(text.slice(1));
      expect(rows[0]![1]).to.equal(`'${dataset.measures[0]!.label}`);
      expect(rows[2]![3]).to.equal('Line one,\nline "two"');
      expect(rows[6]).to.deep.equal(['Source:', '\'+Lab, "Inc"', 'https://example.org/a,b']);
      const table = await tableViewFigures(el);
      const file = csvFigures(rows);
      expect(file.rows.map(([, value]) => value)).to.deep.equal(table.rows.map(([, value]) => value));
      expect(file.total).to.deep.equal(table.total);
    });

    it('cells: numbers stay digits, 0 stays 0, text is neutralised and quoted only when needed', () => {
      expect([numberCell(0), numberCell(null), numberCell(undefined), numberCell(1e12)]).to.deep.equal(['0', '', '', '1000000000000']);
      expect(['=1+1', '+1', '-1', '@A1', '\tx', '\rx', 'plain', 'a,b', 'say "hi"', 'a\nb', "it's"].map(textCell)).to.deep.equal([
        "'=1+1",
        "'+1",
        "'-1",
        "'@A1",
        "'\tx",
        '"\'\rx"',
        'plain',
        '"a,b"',
        '"say ""hi"""',
        '"a\nb"',
        "it's",
      ]);
      expect(downloadName('networks', ['2006/07', '2010/11'], 'png')).to.equal('ceop-stats-networks-2006-2010.png');
      expect(downloadName('cases', ['2003'], 'csv')).to.equal('ceop-stats-cases-2003-2003.csv');
    });

    it('without a source, ends after the total row', () => {
      const options = parseOptions({ metric: 'arrests', from: '2010' }, CEOP_FIGURES, 'en-GB');
      if (!options.ok) throw new Error(options.message);
      const text = buildCsv({ series: seriesOf(options.value, CEOP_FIGURES, en), source: undefined, text: en });
      expect(text).to.equal(crlfLines(['Year,Arrests,Record,Note', '2010/11,513,Record,', 'Total since April 2006,1644,,']));
    });

    it('revokes the file’s URL once the browser has it', async () => {
      const el = await renderWidget({ downloads: true });
      const { download } = await downloadCsvOf(el);
      await eventually(() => capture.revoked.includes(download.url), 'URL revoked');
    });
  });

  describe('PNG', () => {
    const WHITE: Rgb = [255, 255, 255];

    it('is the widget at twice the pixel ratio: heading, the same bars, final counters and source, on the card colour', async () => {
      const el = await renderWidget({ metric: 'networks', downloads: true });
      pngButton(el).click();
      const download = await nthDownload(1);
      expect(download.name).to.equal('ceop-stats-networks-2006-2010.png');
      expect(download.blob.type).to.equal('image/png');
      const picture = await decode(download.blob);
      const scale = 2 * devicePixelRatio;
      const host = el.getBoundingClientRect();
      expect(picture.width, 'width').to.equal(Math.round(host.width * scale));

      // The same bars as on screen, redrawn at twice the screen's ratio (not stretched), so twice as tall in pixels.
      const shown = readBars(canvasOf(el));
      const drawn = readBars(picture);
      expect(drawn.map((bar) => bar.color)).to.deep.equal(['bar', 'record', 'record']);
      drawn.forEach((bar, i) => expect(bar.bottom - bar.top, `bar ${i} height`).to.be.closeTo(2 * (shown[i]!.bottom - shown[i]!.top), 3));

      const chartBox = shadow(el).querySelector('.chart')!.getBoundingClientRect();
      const heading = shadow(el).querySelector('.heading')!.getBoundingClientRect();
      const counters = shadow(el).querySelector('.counters')!.getBoundingClientRect();
      expect(picture.height, 'taller than the chart, heading and counters').to.be.greaterThan(
        scale * (chartBox.height + heading.height + counters.height),
      );

      const all = { x: 0, y: 0, w: picture.width, h: picture.height };
      expect(distinctColours(picture), 'not blank').to.be.greaterThan(20);
      expect(countPixels(picture, all, WHITE, 2), 'background').to.be.greaterThan(picture.width * picture.height * 0.5);
      expect(countPixels(picture, all, MARKERS.bar, 8), 'bar colour').to.be.greaterThan(100);
      // The heading, in the text colour, above the chart.
      expect(
        countPixels(picture, { x: 0, y: 0, w: picture.width, h: scale * (heading.bottom - host.top) }, MARKERS.text),
        'heading',
      ).to.be.greaterThan(50);
      // Below the chart: the counters (values in the text colour, labels muted) and the source line (muted).
      const chartBottom = drawn[0]!.bottom + 2 * (canvasOf(el).height - shown[0]!.bottom);
      const below = { x: 0, y: chartBottom + 1, w: picture.width, h: picture.height - chartBottom - 1 };
      expect(countPixels(picture, below, MARKERS.text), 'counter values').to.be.greaterThan(200);
      expect(countPixels(picture, below, MARKERS.muted), 'counter labels and source').to.be.greaterThan(200);
    });

    it('draws final bars even when clicked while the chart is still animating', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
      const el = document.createElement('ceop-stats');
      el.setAttribute('style', MARKER_STYLE);
      el.setAttribute('theme', 'light');
      el.setAttribute('metric', 'networks');
      el.downloads = true;
      const ready = oneEvent(el, 'ceop-stats-ready');
      wrapper.append(el);
      await eventually(() => buttons(el).length === 2, 'buttons shown');
      pngButton(el).click();
      const download = await nthDownload(1);
      await ready;
      const shown = readBars(canvasOf(el));
      const drawn = readBars(await decode(download.blob));
      expect(drawn).to.have.length(3);
      drawn.forEach((bar, i) => expect(bar.bottom - bar.top, `bar ${i} height`).to.be.closeTo(2 * (shown[i]!.bottom - shown[i]!.top), 3));
    });

    it('from the table view, still draws the chart', async () => {
      const el = await renderWidget({ metric: 'networks', downloads: true });
      shadow(el).querySelector<HTMLButtonElement>('.toggle')!.click();
      await el.updateComplete;
      expect(shadow(el).querySelector<HTMLElement>('.chart')!.hidden).to.equal(true);
      pngButton(el).click();
      const drawn = readBars(await decode((await nthDownload(1)).blob));
      expect(drawn.map((bar) => bar.color)).to.deep.equal(['bar', 'record', 'record']);
      expect((drawn[0]!.bottom - drawn[0]!.top) / (drawn[2]!.bottom - drawn[2]!.top)).to.be.closeTo(82 / 132, 0.02);
      // Nothing is left behind in the widget.
      expect(shadow(el).querySelectorAll('canvas')).to.have.length(1);
    });
  });

  describe('failures', () => {
    it('an image the browser cannot encode: a visible message and a warning, never an uncaught error', async () => {
      const el = await renderWidget({ downloads: true });
      const warnings = captureWarnings();
      const realToBlob = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, 'toBlob')!;
      HTMLCanvasElement.prototype.toBlob = function (callback: BlobCallback) {
        callback(null);
      };
      try {
        expect(statusText(el)).to.equal('');
        pngButton(el).click();
        await eventually(() => statusText(el) === 'The download could not be made.', 'failure shown');
        expect(warnings.calls).to.have.length(1);
        expect(String(warnings.calls[0]![0])).to.match(/^<ceop-stats>: /);
        expect(capture.downloads).to.have.length(0);
      } finally {
        Object.defineProperty(HTMLCanvasElement.prototype, 'toBlob', realToBlob);
        warnings.restore();
      }
      // The next try works and clears the message.
      pngButton(el).click();
      await nthDownload(1);
      await el.updateComplete;
      expect(statusText(el)).to.equal('');
    });

    it('a Blob URL that cannot be made: the same message, no uncaught error', async () => {
      const el = await renderWidget({ downloads: true });
      const warnings = captureWarnings();
      const create = Object.getOwnPropertyDescriptor(URL, 'createObjectURL')!;
      URL.createObjectURL = () => {
        throw new Error('blocked');
      };
      try {
        csvButton(el).click();
        await eventually(() => statusText(el) === 'The download could not be made.', 'failure shown');
        expect(warnings.calls.map((call) => String(call[0]))).to.deep.equal([
          '<ceop-stats>: the download could not be made: Error: blocked',
        ]);
      } finally {
        Object.defineProperty(URL, 'createObjectURL', create);
        warnings.restore();
      }
    });
  });

  describe('under a strict Content-Security-Policy with Trusted Types', () => {
    it('both downloads work with zero violations', async () => {
      type WatchedWindow = PageWindow & { __cspViolations: string[]; __errors: string[]; __events: Record<string, string> };
      const frame = document.createElement('iframe');
      frame.style.cssText = 'width: 800px; height: 600px; border: 0';
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      frame.src = '/test/pages/csp.html';
      document.body.append(frame);
      try {
        await loaded;
        const win = frame.contentWindow as WatchedWindow;
        await eventually(() => 'bundled' in win.__events, 'widget ready');
        const framed = captureDownloads(win);
        try {
          const el = frame.contentDocument!.getElementById('bundled') as CeopStats;
          el.setAttribute('downloads', '');
          await el.updateComplete;
          csvButton(el).click();
          await eventually(() => framed.downloads.length === 1, 'CSV made');
          pngButton(el).click();
          await eventually(() => framed.downloads.length === 2, 'PNG made');
          expect(framed.downloads.map((d) => d.name)).to.deep.equal([
            'ceop-stats-children-2006-2010.csv',
            'ceop-stats-children-2006-2010.png',
          ]);
          expect(framed.downloads[1]!.blob.size).to.be.greaterThan(1000);
          expect(statusText(el)).to.equal('');
        } finally {
          framed.restore();
        }
        expect(win.__errors).to.deep.equal([]);
        expect(win.__cspViolations).to.deep.equal([]);
      } finally {
        frame.remove();
      }
    });
  });
});
