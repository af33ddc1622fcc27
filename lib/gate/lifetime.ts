/**
 * A gate lives as long as one AbortSignal (created per content script in
 * components/overlay/runGate.ts). Everything it starts is tied to that signal: event listeners
 * through addEventListener's `signal` option, timers through these helpers, so aborting the signal
 * leaves nothing running. See https://developer.mozilla.org/en-US/docs/Web/API/EventTarget/addEventListener#signal
 */

/** Runs `f` once after `ms`, unless `signal` aborts first. Returns the cancel. */
export function later(signal: AbortSignal, ms: number, f: () => void): () => void {
  if (signal.aborted) return () => {};
  const cancel = () => {
    clearTimeout(timer);
    signal.removeEventListener('abort', cancel);
  };
  const timer = setTimeout(() => {
    signal.removeEventListener('abort', cancel);
    f();
  }, ms);
  signal.addEventListener('abort', cancel, { once: true });
  return cancel;
}

/** Runs `f` every `ms` until `signal` aborts. */
export function every(signal: AbortSignal, ms: number, f: () => void): void {
  if (signal.aborted) return;
  const timer = setInterval(f, ms);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}

/**
 * A shorter lifetime inside `parent`'s: aborts when its own abort() is called or when `parent`
 * aborts (what a host page attaches only while it shows a deal). AbortSignal.any would do, but it
 * needs Chrome 116 (https://developer.mozilla.org/en-US/docs/Web/API/AbortSignal/any_static) and
 * the manifest sets no Chrome minimum.
 */
export function within(parent: AbortSignal): AbortController {
  const child = new AbortController();
  if (parent.aborted) {
    child.abort(parent.reason);
    return child;
  }
  const follow = () => child.abort(parent.reason);
  parent.addEventListener('abort', follow, { once: true });
  child.signal.addEventListener('abort', () => parent.removeEventListener('abort', follow), { once: true });
  return child;
}

/**
 * `work`'s result, or `timedOut()`'s when `ms` pass first (the late result is then dropped). The
 * timer ends with `signal`; after an abort only `work` can settle it.
 */
export function beforeDeadline<T>(signal: AbortSignal, ms: number, work: Promise<T>, timedOut: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cancel = later(signal, ms, () => resolve(timedOut()));
    work.then(
      (value) => {
        cancel();
        resolve(value);
      },
      (error: unknown) => {
        cancel();
        reject(error);
      },
    );
  });
}
