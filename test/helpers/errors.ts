/** Uncaught errors and console warnings, watched while a test runs. */
import { expect } from '@open-wc/testing';

/** Collects uncaught errors so a test can assert there were none. */
export function watchUncaughtErrors(): { errors: unknown[]; stop: () => void } {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Fails every test of the enclosing suite (or file) that leaves an uncaught error or rejection behind. */
export function failOnUncaughtErrors(): void {
  let uncaught: ReturnType<typeof watchUncaughtErrors> | undefined;
  beforeEach(() => {
    uncaught = watchUncaughtErrors();
  });
  afterEach(() => {
    uncaught?.stop();
    expect(uncaught?.errors, 'uncaught errors').to.deep.equal([]);
  });
}

/** Replaces console.warn for a test and records its calls. */
export function captureWarnings(): { calls: unknown[][]; restore: () => void } {
  const original = console.warn;
  const calls: unknown[][] = [];
  console.warn = (...args: unknown[]) => {
    calls.push(args);
  };
  return { calls, restore: () => (console.warn = original) };
}
