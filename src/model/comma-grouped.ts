/**
 * A performance trick, in a file of its own: English and Welsh numbers are
 * written here, not by Intl, because a page's first Intl.NumberFormat loads
 * its locale data inside the first long task.
 *
 * Measured with `npm run bench:ab` (9 pairs, 2026-12-06), against the same
 * build with every number written by Intl, now/base: first chart 0.94 (local,
 * 1 widget), 0.91 (local, 3), 0.90 (mobile, 1), 0.94 (mobile, 3); longest task
 * 0.97, 1.00, 0.85, 0.78; total blocking time 0.57, 1.00, 0.79, 0.78.
 * test/unit/format.test.ts holds its output to Intl's in every engine, and
 * checks that a widget in English or Welsh builds no Intl.NumberFormat.
 */

/**
 * Locales that write whole numbers as digits in threes with commas, and a
 * percentage with % after it: English and Welsh, without extensions. These
 * are written here, not by Intl: a page's first Intl.NumberFormat loads its
 * locale data, 15-40 ms of the first long task. Tests hold them to Intl's
 * output in every engine.
 */
export const COMMA_GROUPED = /^(en(-gb|-us)?|cy(-gb)?)$/i;

/**
 * `value` × 10^shift rounded half away from zero, grouped in threes, as Intl
 * writes it: rounded from the shortest decimal form (what String gives), as
 * Intl rounds. Undefined where that cannot be done exactly here: a negative
 * value, or one too large, or whose shortest form has an exponent.
 */
export function commaGrouped(value: number, shift: number): string | undefined {
  const match = value >= 0 && value < 1e12 && !Object.is(value, -0) ? /^(\d+)(?:\.(\d+))?$/.exec(String(value)) : null;
  if (!match) return undefined;
  const fraction = (match[2] ?? '').padEnd(shift + 1, '0');
  const whole = Number(match[1]! + fraction.slice(0, shift)) + (fraction[shift]! >= '5' ? 1 : 0);
  return String(whole).replace(/\B(?=(\d{3})+$)/g, ',');
}
