import { expect } from '@open-wc/testing';
import type { CeopStats, CeopStatsReadyDetail } from '../../src/ceop-stats.js';
import { type Bar, canvasOf, counterValues, headingText, MARKERS, readBars, type Rgb, shadow } from '../helpers/index.js';
import { eventually } from '../helpers/eventually.js';
import { ATTRIBUTES, type ChoiceProperty } from '../../src/model/attribute-table.js';

/** A heading an editor might write, with every character that needs escaping in an attribute. */
const HEADING = 'Cases "rising" <fast> & more';
const SCRIPT_URL = new URL('/dist/ceop-stats.js', location.href).href;

interface Builder {
  frame: HTMLIFrameElement;
  win: Window;
  doc: Document;
  /** Ready events heard on the builder page since it loaded, with the element that fired each. */
  readies: { target: EventTarget | null; detail: CeopStatsReadyDetail }[];
}

async function openBuilder(): Promise<Builder> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 700px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = '/demo/builder.html';
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow!;
  const doc = frame.contentDocument!;
  const readies: Builder['readies'] = [];
  doc.addEventListener('ceop-stats-ready', (event) => readies.push({ target: event.target, detail: event.detail }));
  await eventually(
    () => win.customElements.get('ceop-stats') && codeBox(doc).value,
    'builder script ran and <ceop-stats> is defined (is dist/ built?)',
  );
  return { frame, win, doc, readies };
}

/** The control a visible label names, so every control the test uses is shown to be labelled. */
function labelled(doc: Document, text: string): HTMLElement {
  const labels = [...doc.querySelectorAll('label')].filter((label) => label.textContent.replace(/\s+/g, ' ').trim() === text);
  expect(labels, `one label "${text}"`).to.have.length(1);
  const found = labels[0]!.control;
  expect(found, `label "${text}" names a control`).to.exist;
  return found!;
}
const control = (doc: Document, text: string) => labelled(doc, text) as HTMLInputElement;
const selectBox = (doc: Document, text: string) => labelled(doc, text) as HTMLSelectElement;
const textArea = (doc: Document, text: string) => labelled(doc, text) as HTMLTextAreaElement;

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  expect(select.value, `option ${value}`).to.equal(value);
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Sets a text box or colour picker as typing or picking does: an input event, then change. */
function enter(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Arrests from 2008, the latest year picked out, the test heading, no animation (and the dark theme): the years it shows. */
function chooseArrestsFrom2008(doc: Document, { dark }: { dark: boolean }): string[] {
  choose(selectBox(doc, 'Measure'), 'arrests');
  choose(selectBox(doc, 'From'), '2008');
  control(doc, 'The latest year').click();
  if (dark) control(doc, 'Dark').click();
  enter(control(doc, 'Heading'), HEADING);
  control(doc, 'No animation: show the final figures at once').click();
  return ['2008/09', '2009/10', '2010/11'];
}

const codeBox = (doc: Document) => doc.querySelector<HTMLTextAreaElement>('#code')!;
const copyButton = (doc: Document) => [...doc.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Copy code')!;
const statusOf = (doc: Document) => doc.querySelector<HTMLElement>('#copy-status')!;
const previewOf = (doc: Document) => doc.querySelector<CeopStats>('#preview ceop-stats')!;

/** Stands in for the clipboard of a page, so the test reads exactly what the page copied. */
function replaceClipboard(win: Window, writeText: ((text: string) => Promise<void>) | undefined): void {
  Object.defineProperty(win.navigator, 'clipboard', { configurable: true, value: writeText ? { writeText } : undefined });
}

const attributesOf = (el: Element) => [...el.attributes].map((a) => `${a.name}=${a.value}`).sort();
const summaryText = (el: CeopStats) => shadow(el).querySelector('.summary')?.textContent.trim();

/** Bar heights as fractions of the tallest: what the bars say, whatever the canvas size. */
const relativeHeights = (bars: Bar[]) => {
  const heights = bars.map((bar) => bar.bottom - bar.top + 1);
  const tallest = Math.max(...heights);
  return heights.map((h) => h / tallest);
};

function pixelAt(canvas: HTMLCanvasElement, x: number, y: number): Rgb {
  const data = canvas.getContext('2d')!.getImageData(Math.round(x), Math.round(y), 1, 1).data;
  return [data[0]!, data[1]!, data[2]!];
}

/** The colour in the middle of each bar, read from the canvas. */
const barColours = (canvas: HTMLCanvasElement, bars: Bar[]) => bars.map((bar) => pixelAt(canvas, bar.centre, (bar.top + bar.bottom) / 2));

/**
 * Waits until the preview (the element on the page now) has drawn its chart
 * of these years, after the `since`-th ready event, scrolling it into view first.
 */
async function drawn(builder: Builder, metric: string, years: string[], since: number): Promise<CeopStats> {
  const el = previewOf(builder.doc);
  await el.updateComplete;
  el.scrollIntoView();
  await eventually(
    () =>
      builder.readies
        .slice(since)
        .some(
          ({ target, detail }) => target === previewOf(builder.doc) && detail.metric === metric && detail.years.join() === years.join(),
        ),
    `preview drew ${metric} for ${years.join(', ')}`,
  );
  return previewOf(builder.doc);
}

/** Opens the copied code as the whole body of a new page, as an editor pasting it into a blank page would. */
async function paste(code: string): Promise<{ frame: HTMLIFrameElement; el: CeopStats }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 700px; border: 0';
  // The recorder is the test's, not the pasted code's: the widget may draw before the frame's load event.
  frame.srcdoc = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Pasted</title>
    <script>window.__ready = 0; document.addEventListener('ceop-stats-ready', () => window.__ready++);</script>
    </head><body>${code}</body></html>`;
  document.body.append(frame);
  const recorder = () => frame.contentWindow as unknown as { __ready?: number } | null;
  await eventually(() => recorder()?.__ready, 'pasted widget drew its chart');
  return { frame, el: frame.contentDocument!.querySelector<CeopStats>('ceop-stats')! };
}

interface AxeResults {
  violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
}

/**
 * Runs axe-core inside the frame, on its whole document (title, language and
 * landmarks too): the test page's axe, as chai-a11y-axe uses it, refuses
 * nodes of another document.
 */
async function axeViolations(frame: HTMLIFrameElement): Promise<string[]> {
  const doc = frame.contentDocument!;
  const win = frame.contentWindow as unknown as { axe?: { run: (context: Document) => Promise<AxeResults> } };
  if (!win.axe) {
    const script = doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => {
      script.addEventListener('load', resolve);
      script.addEventListener('error', reject);
    });
    doc.head.append(script);
    await loaded;
  }
  const { violations } = await win.axe!.run(doc);
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('embed code builder (demo/builder.html)', function () {
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  it('what is copied, pasted into a blank page, renders the same widget as the preview', async () => {
    const builder = await openBuilder();
    frames.push(builder.frame);
    const { doc, win } = builder;

    const years = chooseArrestsFrom2008(doc, { dark: true });
    await drawn(builder, 'arrests', years, 0);

    // Colours picked once the editor sees the chart must reach the canvas too; marker colours make the bars readable.
    const before = builder.readies.length;
    enter(control(doc, 'Bars'), '#0000ff');
    enter(control(doc, 'Highlighted bars'), '#ff0000');
    const preview = await drawn(builder, 'arrests', years, before);
    expect(headingText(preview)).to.equal(HEADING);
    expect(preview.getAttribute('theme')).to.equal('dark');
    expect(preview.hasAttribute('no-animation')).to.equal(true);
    expect(counterValues(preview)).to.deep.equal(['1,038', '1,644', '394']);
    const previewBars = readBars(canvasOf(preview));
    // 334, 417 and 513 arrests; only the latest year highlighted.
    expect(previewBars.map((bar) => bar.color)).to.deep.equal(['bar', 'bar', 'record']);
    relativeHeights(previewBars).forEach((h, i) => expect(h, `bar ${i}`).to.be.closeTo([334 / 513, 417 / 513, 1][i]!, 0.03));

    const copied: string[] = [];
    replaceClipboard(win, (text) => {
      copied.push(text);
      return Promise.resolve();
    });
    copyButton(doc).click();
    await eventually(() => statusOf(doc).textContent.trim() === 'Copied', `status says Copied: "${statusOf(doc).textContent}"`);
    expect(copied).to.have.length(1);
    const code = copied[0]!;
    expect(code).to.equal(codeBox(doc).value);

    // The script tag, absolute, and only the attributes that were changed.
    const parsed = new DOMParser().parseFromString(code, 'text/html');
    const script = parsed.querySelector('script')!;
    expect(script.getAttribute('type')).to.equal('module');
    expect(script.getAttribute('src')).to.equal(SCRIPT_URL);
    const element = parsed.querySelector('ceop-stats')!;
    expect(element.getAttributeNames().sort()).to.deep.equal(['from', 'heading', 'highlight', 'metric', 'no-animation', 'style', 'theme']);
    expect(element.getAttribute('heading')).to.equal(HEADING);
    expect(code).to.contain('heading="Cases &quot;rising&quot; &lt;fast&gt; &amp; more"');
    expect(element.getAttribute('style')).to.equal('--ceop-stats-bar-color: #0000ff; --ceop-stats-record-color: #ff0000');

    const pasted = await paste(code);
    frames.push(pasted.frame);
    const el = pasted.el;
    expect(attributesOf(el)).to.deep.equal(attributesOf(preview));
    expect(headingText(el)).to.equal(HEADING);
    expect(summaryText(el)).to.equal(summaryText(preview));
    expect(summaryText(el)).to.contain('513 in 2010/11');
    expect(counterValues(el)).to.deep.equal(counterValues(preview));
    const pastedBars = readBars(canvasOf(el));
    expect(pastedBars.map((bar) => bar.color)).to.deep.equal(previewBars.map((bar) => bar.color));
    const previewHeights = relativeHeights(previewBars);
    relativeHeights(pastedBars).forEach((h, i) => expect(h, `bar ${i}`).to.be.closeTo(previewHeights[i]!, 0.02));
    const colours = barColours(canvasOf(el), pastedBars);
    expect(colours).to.deep.equal(barColours(canvasOf(preview), previewBars));
    expect(colours).to.deep.equal([MARKERS.bar, MARKERS.bar, MARKERS.record]);
  });

  it('the iframe code, pasted into a blank page, shows the same widget as the preview and takes its height', async () => {
    const builder = await openBuilder();
    frames.push(builder.frame);
    const { doc, win } = builder;
    const years = chooseArrestsFrom2008(doc, { dark: false });
    const preview = await drawn(builder, 'arrests', years, 0);

    const copied: string[] = [];
    replaceClipboard(win, (text) => {
      copied.push(text);
      return Promise.resolve();
    });
    const copyIframe = [...doc.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Copy iframe code')!;
    copyIframe.click();
    const iframeStatus = doc.querySelector<HTMLElement>('#iframe-copy-status')!;
    await eventually(() => iframeStatus.textContent.trim() === 'Copied', `status says Copied: "${iframeStatus.textContent}"`);
    expect(copied).to.deep.equal([textArea(doc, 'Iframe code').value]);
    const parsed = new DOMParser().parseFromString(copied[0]!, 'text/html');
    const iframe = parsed.querySelector('iframe')!;
    const src = new URL(iframe.getAttribute('src')!);
    expect(src.href.startsWith(new URL('/dist/embed.html', location.href).href)).to.equal(true);
    expect([...src.searchParams]).to.deep.equal([
      ['metric', 'arrests'],
      ['from', '2008'],
      ['highlight', 'latest'],
      ['heading', HEADING],
      ['no-animation', ''],
    ]);
    expect(iframe.getAttribute('title')).to.equal(HEADING);
    expect(parsed.querySelector('script')!.getAttribute('src')).to.equal(new URL('/dist/embed-resize.js', location.href).href);

    // Pasted into a blank page as it is: the iframe's widget is the preview's, and the iframe grows to its height.
    const page = document.createElement('iframe');
    page.style.cssText = 'width: 800px; height: 900px; border: 0';
    page.srcdoc = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Pasted</title></head><body>${copied[0]!}</body></html>`;
    frames.push(page);
    document.body.append(page);
    const embedFrame = () => page.contentDocument?.querySelector('iframe');
    const embedded = () => embedFrame()?.contentDocument?.querySelector<CeopStats>('ceop-stats') ?? undefined;
    await eventually(
      () => embedded() && counterValues(embedded()!).length === 3 && headingText(embedded()!),
      'the embedded widget rendered',
    );
    const el = embedded()!;
    // Colours are not passed to the iframe; a default the element reflects on one page and not the other says nothing.
    const reflectedDefaults = ['theme=auto', 'credentials=omit', 'timeout=10000'];
    const shownAttributes = (e: Element) => attributesOf(e).filter((a) => !a.startsWith('style=') && !reflectedDefaults.includes(a));
    expect(shownAttributes(el)).to.deep.equal(shownAttributes(preview));
    expect(headingText(el)).to.equal(HEADING);
    expect(summaryText(el)).to.equal(summaryText(preview));
    expect(counterValues(el)).to.deep.equal(['1,038', '1,644', '394']);
    const body = () => Math.ceil(embedFrame()!.contentDocument!.body.getBoundingClientRect().height);
    await eventually(
      () => embedFrame()!.style.height === `${body()}px`,
      `the iframe takes the embed's height: ${embedFrame()!.style.height} vs ${body()}`,
    );
    expect(body()).to.not.equal(540);
  });

  it("offers each choice attribute's allowed values, no more, with the widget's default chosen", async () => {
    const builder = await openBuilder();
    frames.push(builder.frame);
    // The builder's own copy of the choices, with its own labels for editors, held to the attribute table.
    for (const property of ['highlight', 'theme'] satisfies ChoiceProperty[]) {
      const radios = [...builder.doc.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${property}"]`)];
      expect(radios.map((radio) => radio.value).sort(), property).to.deep.equal([...ATTRIBUTES[property].values].sort());
      expect(radios.find((radio) => radio.checked)?.value, `${property}'s default`).to.equal(ATTRIBUTES[property].default);
    }
  });

  it('the code names only what differs from the defaults', async () => {
    const builder = await openBuilder();
    frames.push(builder.frame);
    const { doc } = builder;
    const bare = `<script type="module" src="${SCRIPT_URL}"></script>\n<ceop-stats></ceop-stats>`;
    const element = () => new DOMParser().parseFromString(codeBox(doc).value, 'text/html').querySelector('ceop-stats')!;
    expect(codeBox(doc).value).to.equal(bare);
    expect(codeBox(doc).readOnly).to.equal(true);

    choose(selectBox(doc, 'Measure'), 'networks');
    choose(selectBox(doc, 'To'), '2009');
    choose(selectBox(doc, 'Language'), 'cy');
    control(doc, 'Light').click();
    control(doc, 'None').click();
    enter(textArea(doc, 'Summary'), 'Our words.');
    control(doc, 'Show buttons to download the figures (CSV) and the chart (PNG)').click();
    enter(control(doc, 'Source text'), 'Our source');
    enter(control(doc, 'Source link'), 'https://example.org/report');
    enter(control(doc, 'Background'), '#fafafa');
    expect(
      Object.fromEntries(
        element()
          .getAttributeNames()
          .map((name) => [name, element().getAttribute(name)]),
      ),
    ).to.deep.equal({
      metric: 'networks',
      to: '2009',
      highlight: 'none',
      theme: 'light',
      locale: 'cy',
      summary: 'Our words.',
      downloads: '',
      'source-label': 'Our source',
      'source-url': 'https://example.org/report',
      style: '--ceop-stats-background: #fafafa',
    });
    // The preview follows the same choices.
    const preview = previewOf(doc);
    await preview.updateComplete;
    // Welsh text comes in a chunk of its own: wait for the widget to have rendered with it.
    await eventually(() => summaryText(preview) ?? shadow(preview).querySelector('[role="alert"]'), 'preview rendered');
    expect(shadow(preview).querySelector('[role="alert"]')?.textContent, 'no alert').to.equal(undefined);
    expect(preview.getAttribute('locale')).to.equal('cy');
    expect(preview.getAttribute('style')).to.equal('--ceop-stats-background: #fafafa');
    expect(summaryText(preview)).to.equal('Our words.');
    const source = shadow(preview).querySelector('[part~="source"]');
    expect(source?.textContent.replace(/\s+/g, ' ').trim()).to.match(/Our source$/);
    expect(source?.querySelector('a')?.href).to.equal('https://example.org/report');
    expect(shadow(preview).querySelectorAll('[part~="downloads"] button')).to.have.length(2);

    // Years after "To" cannot be chosen as "From".
    const from = selectBox(doc, 'From');
    expect([...from.options].filter((o) => o.disabled).map((o) => o.textContent)).to.deep.equal(['2010/11']);

    // Hiding the source line makes its text moot.
    control(doc, 'Hide the source line').click();
    expect(element().hasAttribute('no-source')).to.equal(true);
    expect(element().hasAttribute('source-label')).to.equal(false);
    expect(element().hasAttribute('source-url')).to.equal(false);
    expect(control(doc, 'Source text').disabled).to.equal(true);
    await previewOf(doc).updateComplete;
    expect(shadow(previewOf(doc)).querySelector('[part~="source"]'), 'source line hidden').to.equal(null);

    // Going back to each default takes its attribute away again.
    choose(selectBox(doc, 'Measure'), 'children');
    choose(selectBox(doc, 'To'), '2010');
    choose(selectBox(doc, 'Language'), '');
    control(doc, "Follow the reader's system setting").click();
    control(doc, 'Record years (higher than every year before)').click();
    enter(textArea(doc, 'Summary'), '  ');
    control(doc, 'Show buttons to download the figures (CSV) and the chart (PNG)').click();
    control(doc, 'Hide the source line').click();
    enter(control(doc, 'Source text'), '');
    enter(control(doc, 'Source link'), '');
    control(doc, 'Default background colour').click();
    expect(codeBox(doc).value).to.equal(bare);
    expect(previewOf(doc).hasAttribute('style')).to.equal(false);
    expect(previewOf(doc).hasAttribute('metric')).to.equal(false);
  });

  it('when the clipboard is refused or missing, the code is selected and the reader told to press Ctrl+C', async () => {
    const builder = await openBuilder();
    frames.push(builder.frame);
    const { doc, win } = builder;
    const status = statusOf(doc);
    expect(status.getAttribute('role') === 'status' || status.getAttribute('aria-live') === 'polite', 'a polite live region').to.equal(
      true,
    );
    const code = codeBox(doc);
    const allSelected = () => doc.activeElement === code && code.selectionStart === 0 && code.selectionEnd === code.value.length;

    replaceClipboard(win, () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')));
    copyButton(doc).click();
    await eventually(() => status.textContent.includes('Press Ctrl+C'), `status asks for Ctrl+C: "${status.textContent}"`);
    expect(allSelected(), 'the code is selected').to.equal(true);
    expect(status.getBoundingClientRect().height, 'the status is visible').to.be.greaterThan(0);

    code.setSelectionRange(0, 0);
    copyButton(doc).focus();
    replaceClipboard(win, undefined);
    copyButton(doc).click();
    await eventually(() => allSelected() && status.textContent.includes('Press Ctrl+C'), 'without a clipboard the code is selected too');
  });

  it('axe finds no violations on the builder page', async () => {
    const builder = await openBuilder();
    frames.push(builder.frame);
    const { doc } = builder;
    await previewOf(doc).updateComplete;
    expect(await axeViolations(builder.frame)).to.deep.equal([]);
  });
});
