/**
 * The chart's tooltip as real text in the widget's shadow root, not drawn on
 * the canvas: it can be zoomed, selected and styled (the `tooltip` part),
 * follows forced colours and right to left as all text does, and replaces
 * Chart.js's Tooltip plugin (about 5 KB). It is made on first use, inside
 * the chart's box, and placed over the chosen year: above its bar, or half
 * way up where the year has no bar; kept inside the box, below the point
 * where there is no room above. Its styles come with the chart chunk, so the
 * entry carries none of it.
 */

/**
 * A tag that gives its template as written: the build minifies every css``
 * template (scripts/minify-css-templates.mjs), Lit's and this one. A string,
 * not Lit's CSSResult: the loader may fetch the chart chunk before the
 * element's, which holds Lit.
 */
const css = (strings: TemplateStringsArray, ...values: unknown[]): string => String.raw({ raw: strings }, ...values);

const STYLES = css`
.tooltip {
  position: absolute;
  z-index: 2;
  box-sizing: border-box;
  max-width: min(18em, 100%);
  padding: 0.35em 0.6em;
  border-radius: 4px;
  background: var(--_text);
  color: var(--_background);
  font-size: 0.8125em;
  line-height: 1.35;
  pointer-events: none;
  overflow-wrap: anywhere;
}
.tooltip[hidden],
.tooltip-caret[hidden] { display: none; }
.tooltip p { margin: 0; }
.tooltip-title { font-weight: 700; }
.tooltip-caret {
  position: absolute;
  width: 0;
  height: 0;
  border: 6px solid transparent;
}
.tooltip-caret.below { top: 100%; border-top-color: var(--_text); }
.tooltip-caret.above { bottom: 100%; border-bottom-color: var(--_text); }
@media (forced-colors: active) {
  .tooltip { background: Canvas; color: CanvasText; border: 1px solid CanvasText; }
  .tooltip-caret.below { border-top-color: CanvasText; }
  .tooltip-caret.above { border-bottom-color: CanvasText; }
}
`;

let sheet: CSSStyleSheet | undefined;

/** Adds the tooltip's styles to a shadow root once (a constructed stylesheet: allowed by a strict CSP). */
function adoptStyles(root: Node): void {
  if (!(root instanceof ShadowRoot) || !('replaceSync' in CSSStyleSheet.prototype)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

const GAP = 8;
const CARET = 6;

export class YearTooltip {
  private readonly box: HTMLElement;
  private element?: HTMLDivElement;

  /** @param box the chart's box, positioned, that holds the canvas at its top left. */
  constructor(box: HTMLElement) {
    this.box = box;
  }

  /** Shows `title` and `lines` with the caret at (x, y), in the box's CSS pixels. */
  show(title: string, lines: string[], x: number, y: number): void {
    const tip = this.element ?? this.create();
    const [heading, body, caret] = [tip.children[0]!, tip.children[1]!, tip.children[2] as HTMLElement];
    heading.textContent = title;
    body.replaceChildren(
      ...lines.map((line) => {
        const p = document.createElement('p');
        p.className = 'tooltip-line';
        p.textContent = line;
        return p;
      }),
    );
    tip.hidden = false;
    const { clientWidth: boxWidth, clientHeight: boxHeight } = this.box;
    const { offsetWidth: width, offsetHeight: height } = tip;
    const left = Math.max(0, Math.min(x - width / 2, boxWidth - width));
    // Above the point if it fits in the box, else below it, else as high as the box allows, over the point (no caret).
    const side = y - GAP - height >= 0 ? 'above' : y + GAP + height <= boxHeight ? 'below' : 'over';
    const top =
      side === 'above' ? y - GAP - height : side === 'below' ? y + GAP : Math.max(0, Math.min(y - height / 2, boxHeight - height));
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
    caret.hidden = side === 'over';
    // The caret hangs under a tooltip above the point, and over one below it.
    caret.className = `tooltip-caret ${side === 'above' ? 'below' : 'above'}`;
    caret.style.left = `${Math.max(0, Math.min(x - left, width)) - CARET}px`;
  }

  hide(): void {
    if (this.element) this.element.hidden = true;
  }

  remove(): void {
    this.element?.remove();
  }

  private create(): HTMLDivElement {
    adoptStyles(this.box.getRootNode());
    const tip = document.createElement('div');
    tip.className = 'tooltip';
    tip.setAttribute('part', 'tooltip');
    // The keyboard's choice is announced by the live region; the mouse's needs no second voice.
    tip.setAttribute('aria-hidden', 'true');
    const title = document.createElement('p');
    title.className = 'tooltip-title';
    tip.append(title, document.createElement('div'), document.createElement('span'));
    this.box.append(tip);
    this.element = tip;
    return tip;
  }
}
