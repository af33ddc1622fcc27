/**
 * How a gate learns that its extension context is gone (the extension was updated, reloaded,
 * disabled or removed while the page stayed open): the content script left behind keeps running,
 * but can no longer reach the background, and a newer gate may be in the page already.
 *
 * Two signals, both out of the page's reach: the gate's runtime Port to the background
 * (lib/messaging/gateLink.ts) disconnects at once, and `runtime.id` reads undefined in a context
 * that is gone. A port also disconnects when an idle service worker stops, with the extension
 * still there: then runtime.id is still set, and the link is opened again (which starts the
 * worker). runtime.id is also looked at every CONTEXT_CHECK_MS and when the page is shown again,
 * in case a disconnect is never delivered.
 * https://developer.chrome.com/docs/extensions/develop/concepts/messaging#port-lifetime
 * https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle
 *
 * Nothing the page does can end the gate through this: the page cannot open, close or talk on
 * an extension port, and an event it dispatches only makes the gate look at runtime.id again.
 */
import { every, later } from '@/lib/gate/lifetime';

/** How often the gate looks whether its extension context is still there. */
const CONTEXT_CHECK_MS = 1000;
/** A link that drops sooner than this after opening counts as a quick drop (no listener yet, a worker restarting). */
const QUICK_DROP_MS = 5000;
/** Quick drops in a row wait 1 s, 2 s, 4 s … up to this before the link is opened again. */
const MAX_RELINK_WAIT_MS = 60_000;

/** The parts of runtime.Port the gate uses. */
export interface GatePort {
  disconnect(): void;
  onDisconnect: { addListener(listener: () => void): void };
}

export interface ExtensionLinkDeps {
  /** Whether this script's extension context is still there (runtime.id is set). */
  contextAlive(): boolean;
  /** Opens the gate's link to the background; throws when the context is gone. */
  connect(): GatePort;
}

/** Calls `gone` once when the extension context is gone; does nothing after `signal` aborts. */
export function watchExtensionContext(signal: AbortSignal, gone: () => void, deps: ExtensionLinkDeps): void {
  const check = () => {
    if (!signal.aborted && !deps.contextAlive()) gone();
  };
  check();
  if (signal.aborted) return;
  every(signal, CONTEXT_CHECK_MS, check);
  document.addEventListener('visibilitychange', check, { signal });
  window.addEventListener('pageshow', check, { signal });

  let quickDrops = 0;
  const open = () => {
    if (signal.aborted) return;
    let port: GatePort;
    try {
      port = deps.connect();
    } catch {
      if (!deps.contextAlive()) gone();
      else {
        quickDrops++;
        relink();
      }
      return;
    }
    const openedAt = Date.now();
    const close = () => port.disconnect();
    signal.addEventListener('abort', close, { once: true });
    port.onDisconnect.addListener(() => {
      signal.removeEventListener('abort', close);
      if (signal.aborted) return;
      if (!deps.contextAlive()) {
        gone();
        return;
      }
      // The extension is still there: its service worker stopped, or was not listening yet.
      quickDrops = Date.now() - openedAt < QUICK_DROP_MS ? quickDrops + 1 : 0;
      relink();
    });
  };
  const relink = () => void later(signal, quickDrops === 0 ? 0 : Math.min(MAX_RELINK_WAIT_MS, 500 * 2 ** quickDrops), open);
  open();
}
