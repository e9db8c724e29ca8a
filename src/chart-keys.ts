/** What a key does on the focused chart: which year it moves to, or hiding the tooltip. */
export type ChartKeyAction = { move: number } | { hide: true } | undefined;

/**
 * Left and Right step through the years (from none chosen, Right starts at the
 * first and Left at the last), Home and End jump to the ends, Escape hides the
 * tooltip. Other keys are left to the browser.
 */
export function chartKeyAction(key: string, current: number | undefined, count: number): ChartKeyAction {
  if (count === 0) return undefined;
  const last = count - 1;
  switch (key) {
    case 'ArrowRight':
      return { move: current === undefined ? 0 : Math.min(last, current + 1) };
    case 'ArrowLeft':
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
