import { vi } from 'vitest';

interface Entry {
  type: string;
  listener: EventListenerOrEventListenerObject;
  capture: boolean;
}

const captureOf = (options?: boolean | AddEventListenerOptions | EventListenerOptions) => (typeof options === 'boolean' ? options : Boolean(options?.capture));

/**
 * The listeners added to `target` from now on and not removed since, whether by
 * removeEventListener or by their `signal` aborting
 * (https://dom.spec.whatwg.org/#dom-eventtarget-addeventlistener). Call `restore` when done.
 */
export function liveListeners(target: EventTarget) {
  const live = new Set<Entry>();
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  const spies = [
    vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, options) => {
      if (listener) {
        const entry: Entry = { type, listener, capture: captureOf(options) };
        const signal = typeof options === 'object' ? options.signal : undefined;
        if (!signal?.aborted) {
          live.add(entry);
          signal?.addEventListener('abort', () => live.delete(entry), { once: true });
        }
      }
      add(type, listener, options);
    }),
    vi.spyOn(target, 'removeEventListener').mockImplementation((type, listener, options) => {
      for (const e of live) if (e.type === type && e.listener === listener && e.capture === captureOf(options)) live.delete(e);
      remove(type, listener, options);
    }),
  ];
  return {
    types: () => [...live].map((e) => e.type).sort(),
    restore: () => spies.forEach((s) => s.mockRestore()),
  };
}
