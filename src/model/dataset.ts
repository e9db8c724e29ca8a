/**
 * The data schema shared by the bundled figures and every other way data
 * comes in (JSON from `src`, inline JSON, the editor's own table), and the
 * small helpers every render needs. The validator is in validate-dataset.ts,
 * loaded only when data comes from outside the bundle.
 */

/** Where the figures come from. */
export interface Source {
  label: string;
  /** http(s) only; anything else is rejected so it can never become a script URL. */
  url?: string;
}

/** A note on a measure, optionally tied to particular years (shown in their tooltips). */
export interface MeasureNote {
  id?: string;
  /** Year labels the note explains; omitted means it is about the whole measure. */
  years?: string[];
  text: string;
}

/** One measure (a column of the table): a value per year, or null where not reported. */
export interface Measure {
  id: string;
  label: string;
  values: (number | null)[];
  /** A published total, which may cover years not reported separately. */
  total?: number;
  notes?: MeasureNote[];
}

export interface Dataset {
  /** Year labels in chronological order, e.g. "2006/07". */
  years: string[];
  measures: Measure[];
  /** What the totals span, shown with the counters, e.g. "since April 2006". */
  totalLabel?: string;
  source?: Source;
}

/** Quotes a bad value for a message without letting a huge one flood it. */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    if (typeof value === 'string') text = JSON.stringify(value);
    else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') text = String(value);
    else if (value === undefined) text = 'nothing';
    else if (typeof value === 'object') {
      // JSON.stringify gives undefined for some objects, whatever its typing says.
      const json = JSON.stringify(value);
      text = json || 'an object';
    } else text = `a ${typeof value}`;
  } catch {
    text = 'an unreadable value';
  }
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * The first four-digit number in a year label, e.g. 2006 for "2006/07": how
 * `from` and `to` name years.
 */
export function startYear(label: string): number | undefined {
  const match = /\d{4}/.exec(label);
  return match ? Number(match[0]) : undefined;
}

/** The total a counter shows: the published total where there is one, else the sum. */
export function measureTotal(m: Measure): number {
  return m.total ?? m.values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
}

/** True when a counter can only sum the years reported: some are missing and no published total covers them. */
export function isPartialTotal(m: Measure): boolean {
  return m.total === undefined && m.values.includes(null);
}

/** Notes that explain one year of a measure (for its tooltip). */
export function notesForYear(m: Measure, year: string): MeasureNote[] {
  return (m.notes ?? []).filter((note) => note.years?.includes(year));
}
