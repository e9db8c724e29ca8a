/**
 * The one shape every parser of outside input returns (attributes, JSON,
 * the editor's table, a fetch): the value, or the problem that stops it, in
 * words for the editor and a code for scripts. Parsers throw with `fail()`
 * deep inside their checks and `attempt()` turns that into a result at
 * their edge, so bad input never escapes as an exception.
 */

/** What kind of problem: see `CeopStatsErrorDetail.code`. */
export type ProblemCode = 'fetch-failed' | 'http-status' | 'timeout' | 'not-json' | 'schema' | 'attribute';

export interface Problem {
  code: ProblemCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | ({ ok: false } & Problem);

class InvalidInput extends Error {}

/** Stops the parse under way with a message for the editor; only `attempt` catches it. */
export function fail(message: string): never {
  throw new InvalidInput(message);
}

/** Runs a parse, turning a `fail()` inside it into a problem with `code`; any other error is a bug and is thrown on. */
export function attempt<T>(code: ProblemCode, parse: () => T): Result<T> {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (error instanceof InvalidInput) return { ok: false, code, message: error.message };
    throw error;
  }
}

/** The problem a failed result carries, without the result's own fields. */
export const problemOf = ({ code, message }: Problem): Problem => ({ code, message });

/** The result of a parse that stops at a problem found without `fail()`. */
export const problemResult = (code: ProblemCode, message: string): Result<never> => ({ ok: false, code, message });

/** An http(s) URL resolved against `base`, or undefined for anything else (javascript:, data:, unparsable): the one check for every link and address. */
export function webUrl(text: string, base: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
}
