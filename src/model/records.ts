/**
 * Record years, decided only where certain. A year is a record when its value
 * is higher than every earlier year's. Years not reported separately are
 * bounded by the published total: together they are the total less the
 * reported values, so each alone is at most that. A year that would need a
 * not-reported year to be lower than that bound is not called a record.
 */

/** The most any single not-reported year can be, or Infinity when nothing bounds it. */
export function unreportedBound(values: readonly (number | null)[], total?: number): number {
  if (total === undefined) return Infinity;
  const reported = values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  return Math.max(0, total - reported);
}

/** One flag per year: true where the year is certainly a record. */
export function recordYears(values: readonly (number | null)[], total?: number): boolean[] {
  const bound = unreportedBound(values, total);
  let highestEarlier = -Infinity;
  return values.map((value) => {
    const isRecord = value !== null && value > highestEarlier;
    highestEarlier = Math.max(highestEarlier, value ?? bound);
    return isRecord;
  });
}

/** How many record years in a row end at the last year ("fifth consecutive"). */
export function recordStreak(records: readonly boolean[]): number {
  let streak = 0;
  for (let i = records.length - 1; i >= 0 && records[i]; i--) streak++;
  return streak;
}
