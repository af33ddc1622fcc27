// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runGate } from '@/components/overlay/runGate';
import type { ExtensionLinkDeps, GatePort } from '@/components/overlay/extensionLink';
import type { HostAdapterOptions } from '@/lib/crms/shared/page/hostPage';
import type { HubSpotMapping } from '@/lib/settings/schema';
import { liveListeners } from '../crms/liveListeners';

const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);

/** The extension as a gate sees it: whether its context is there, and the ports it opened. */
interface FakeExtension {
  alive: boolean;
  refuse: boolean;
  ports: Array<GatePort & { drop(): void; closed: boolean }>;
  open(): FakeExtension['ports'];
  link: ExtensionLinkDeps;
}

function fakeExtension(): FakeExtension {
  const ports: FakeExtension['ports'] = [];
  const extension: FakeExtension = {
    alive: true,
    /** A worker that drops every link as soon as it is opened. */
    refuse: false,
    ports,
    open: () => ports.filter((p) => !p.closed),
    link: {
      contextAlive: () => extension.alive,
      connect: () => {
        if (!extension.alive) throw new Error('Extension context invalidated.');
        const listeners: Array<() => void> = [];
        const port = {
          closed: false,
          disconnect: () => {
            port.closed = true; // the side that disconnects gets no onDisconnect
          },
          onDisconnect: { addListener: (l: () => void) => void listeners.push(l) },
          drop: () => {
            port.closed = true;
            for (const l of listeners) l();
          },
        };
        ports.push(port);
        if (extension.refuse) setTimeout(port.drop, 0);
        return port;
      },
    },
  };
  return extension;
}

function start(link: ExtensionLinkDeps): HostAdapterOptions<HubSpotMapping> | null {
  let options: HostAdapterOptions<HubSpotMapping> | null = null;
  runGate(
    'hubspot',
    '',
    (o) => {
      options = o;
    },
    link,
  );
  return options;
}

let window$: ReturnType<typeof liveListeners>;
let document$: ReturnType<typeof liveListeners>;
const running: Array<ReturnType<typeof fakeExtension>> = [];

beforeEach(() => {
  vi.useFakeTimers();
  window$ = liveListeners(window);
  document$ = liveListeners(document);
});

afterEach(() => {
  // Every gate of a test ends with its extension, so the next test's document has none.
  for (const extension of running.splice(0)) extension.alive = false;
  vi.advanceTimersByTime(1000);
  window$.restore();
  document$.restore();
  vi.useRealTimers();
});

function extension() {
  const e = fakeExtension();
  running.push(e);
  return e;
}

describe('runGate', () => {
  it('ties the whole gate to one signal that aborts when the extension context goes, and only then', () => {
    const ext = extension();
    const router = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    const started = start(ext.link);
    if (!started) throw new Error('the adapter was not started');
    const ping = router.mock.calls[0]?.[0];
    expect(ping && fakeBrowser.runtime.onMessage.hasListener(ping)).toBe(true); // the ping router
    expect(ext.open()).toHaveLength(1); // the link to the background

    // What WXT's context would have ended on, and anything else a page can dispatch: nothing ends.
    for (const name of [`${fakeBrowser.runtime.id}:hubspot-gate:wxt:content-script-started`, 'wxt:content-script-started']) {
      document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'hubspot-gate', messageId: 'x' } }));
      window.postMessage({ type: name, contentScriptName: 'hubspot-gate', messageId: 'x' }, '*');
    }
    window.dispatchEvent(new Event('pagehide'));
    document.dispatchEvent(new Event('visibilitychange'));
    vi.advanceTimersByTime(5000);
    expect(started.signal.aborted).toBe(false);

    // The extension is updated: its port drops and runtime.id is gone.
    ext.alive = false;
    ext.open()[0]?.drop();
    expect(started.signal.aborted).toBe(true);
    expect(ping && fakeBrowser.runtime.onMessage.hasListener(ping)).toBe(false);
    expect(window$.types()).toEqual([]);
    expect(document$.types()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('opens the link again when an idle service worker drops it, and stops when runtime.id goes without a disconnect', () => {
    const ext = extension();
    const started = start(ext.link);
    vi.advanceTimersByTime(30_000);
    ext.open()[0]?.drop(); // the worker stopped after 30 s idle; the extension is still there
    vi.advanceTimersByTime(0);
    expect(started?.signal.aborted).toBe(false);
    expect(ext.open()).toHaveLength(1);
    expect(ext.ports).toHaveLength(2);

    // A worker that drops the link at once, again and again, is not asked again in a tight loop.
    ext.refuse = true;
    ext.open()[0]?.drop();
    vi.advanceTimersByTime(10_000);
    expect(ext.ports.length).toBeLessThan(8);
    expect(started?.signal.aborted).toBe(false);
    ext.refuse = false;
    vi.advanceTimersByTime(60_000);
    expect(ext.open()).toHaveLength(1);

    ext.alive = false; // no disconnect delivered: the periodic look at runtime.id notices
    vi.advanceTimersByTime(1000);
    expect(started?.signal.aborted).toBe(true);
    expect(ext.open()).toHaveLength(0); // the gate closed its link on the way out
  });

  it('keeps one gate per document: a second script steps aside while the first runs, and takes over once it has stopped', () => {
    const old = extension();
    const first = start(old.link);
    expect(start(old.link)).toBeNull(); // the injector's script after the registered one
    expect(first?.signal.aborted).toBe(false);

    old.alive = false;
    vi.advanceTimersByTime(1000);
    expect(first?.signal.aborted).toBe(true);
    const second = start(extension().link);
    expect(second?.signal.aborted).toBe(false);
  });

  it('follows the URL without WXT: history navigation calls the listener once per change, the page’s own events do not', () => {
    setUrl('https://app.hubspot.com/contacts/1/objects/0-3/views/all/board');
    const started = start(extension().link);
    if (!started) throw new Error('the adapter was not started');
    const onUrl = vi.fn();
    started.onUrlChange(onUrl, started.signal);
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new Event('hashchange'));
    expect(onUrl).not.toHaveBeenCalled(); // same URL
    history.pushState({}, '', '/contacts/1/record/0-3/42');
    vi.advanceTimersByTime(500); // no Navigation API here: the URL is compared on a timer
    expect(onUrl).toHaveBeenCalledOnce();
    history.pushState({}, '', '/contacts/1/record/0-3/43');
    window.dispatchEvent(new PopStateEvent('popstate'));
    vi.advanceTimersByTime(500);
    expect(onUrl).toHaveBeenCalledTimes(2);
  });
});
