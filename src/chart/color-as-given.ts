/**
 * Stands in for @kurkle/color, the colour parser Chart.js imports, in the
 * chart chunk of the bundle and of dist/lib/ (rollup.config.mjs): about 3 KB
 * of it, gzip, for two things the widget does not use. Chart.js parses colours to darken a bar
 * under the pointer, where the widget shows its own tooltip and leaves the
 * bar's colour alone, and to fade from one colour to another in an animation,
 * where the widget's colours change only when the page's CSS does, and then
 * at once. Every colour is drawn as the CSS gives it, in whatever syntax the
 * browser reads (`oklch()`, `color-mix()`, system colours), none of which the
 * parser knew.
 */
export class Color {
  private readonly value: string;

  constructor(value: unknown) {
    this.value = String(value);
  }

  /** Never parsed: Chart.js then draws the colour it was given, without a transition. */
  get valid(): boolean {
    return false;
  }

  saturate(): this {
    return this;
  }

  darken(): this {
    return this;
  }

  hexString(): string {
    return this.value;
  }
}
