/** Layout shifts as the browser reports them (Chromium only). */

/** Layout shifts Chromium reports from now on, summed; null where the engine reports none. */
export function watchLayoutShifts(): { total: () => number | null; stop: () => void } {
  if (!PerformanceObserver.supportedEntryTypes.includes('layout-shift')) return { total: () => null, stop: () => {} };
  let sum = 0;
  const add = (entries: PerformanceEntryList) => entries.forEach((entry) => (sum += (entry as PerformanceEntry & { value: number }).value));
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ type: 'layout-shift' });
  return {
    total: () => {
      add(observer.takeRecords());
      return sum;
    },
    stop: () => observer.disconnect(),
  };
}
