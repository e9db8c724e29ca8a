/** What a key does on the focused chart: which year it moves to, or hiding the tooltip. */
export type ChartKeyAction = { move: number } | { hide: true } | undefined;

/**
 * The arrow pointing towards later years steps forward, the other back (from
 * none chosen, forward starts at the first year and back at the last); Home
 * and End jump to the first and last, Escape hides the tooltip. Other keys
 * are left to the browser.
 *
 * @param rtl the years run right to left, as the chart draws them in a
 *   right-to-left page: Left then goes to the later year, following what the
 *   reader sees.
 */
export function chartKeyAction(key: string, current: number | undefined, count: number, rtl = false): ChartKeyAction {
  if (count === 0) return undefined;
  const last = count - 1;
  switch (key) {
    case rtl ? 'ArrowLeft' : 'ArrowRight':
      return { move: current === undefined ? 0 : Math.min(last, current + 1) };
    case rtl ? 'ArrowRight' : 'ArrowLeft':
      return { move: current === undefined ? last : Math.max(0, current - 1) };
    case 'Home':
      return { move: 0 };
    case 'End':
      return { move: last };
    case 'Escape':
      return { hide: true };
    default:
      return undefined;
  }
}
