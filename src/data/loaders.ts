/**
 * Getting a dataset from outside the bundle: JSON text (inline or fetched)
 * and URLs. Every way it can go wrong becomes a Problem with a machine-readable code and
 * a message for the editor, never an exception.
 */
import { type Result, problemResult } from '../model/result.js';
import type { Dataset } from '../model/dataset.js';
import { validateDataset } from '../model/validate-dataset.js';
import type { FetchOptions } from '../model/attributes.js';

/** A dataset of 200 years by 20 measures is far below this; more is a wrong URL. */
const MAX_JSON_CHARS = 1_000_000;

const TIMED_OUT = 'timeout';

function shorten(text: string, length = 80): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** Parses and validates JSON text; `where` names the source in messages ("src", "inline JSON"). */
export function datasetFromJson(text: string, where: string): Result<Dataset> {
  if (text.length > MAX_JSON_CHARS) {
    return problemResult('schema', `${where}: ${text.length} characters is more than the ${MAX_JSON_CHARS} allowed`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The parser's own words differ between browsers; the start of the text says more to an editor.
    const start = text.trim().slice(0, 30);
    const message = start ? `${where}: not JSON; it starts ${JSON.stringify(start)}` : `${where}: not JSON; it is empty`;
    return problemResult('not-json', message);
  }
  const result = validateDataset(json);
  return result.ok ? result : problemResult('schema', `${where}: ${result.message}`);
}

/**
 * Fetches a dataset. Resolves to undefined when `signal` aborts it (the
 * widget was removed, or `src` changed), so a late answer is never shown.
 */
export async function fetchDataset({ url, credentials, timeout }: FetchOptions, signal: AbortSignal): Promise<Result<Dataset> | undefined> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  signal.addEventListener('abort', abort);
  const timedOut = () => controller.signal.reason === TIMED_OUT;
  const timer = setTimeout(() => controller.abort(TIMED_OUT), timeout);
  const shortUrl = shorten(url);
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        credentials,
        signal: controller.signal,
        headers: { Accept: 'application/json' },
        redirect: 'follow',
        referrerPolicy: 'strict-origin-when-cross-origin',
      });
    } catch {
      if (signal.aborted) return undefined;
      if (timedOut()) return problemResult('timeout', `src: no answer from ${shortUrl} within ${timeout} ms`);
      return problemResult(
        'fetch-failed',
        `src: could not fetch ${shortUrl} (network error, or the server does not allow this page to read it)`,
      );
    }
    if (!response.ok) {
      return problemResult(
        'http-status',
        `src: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${shortUrl}`,
      );
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      if (signal.aborted) return undefined;
      if (timedOut()) return problemResult('timeout', `src: no answer from ${shortUrl} within ${timeout} ms`);
      return problemResult('fetch-failed', `src: the answer from ${shortUrl} broke off`);
    }
    if (signal.aborted) return undefined;
    return datasetFromJson(text, 'src');
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}
