/**
 * The body of a gate content script, the same for every CRM: answer the background's ping, build
 * the controller and the overlay, start the host adapter, and take it all down when the extension
 * context goes (update, reload, uninstall).
 *
 * One AbortController is the gate's lifetime: every listener, timer and view the gate puts into
 * the page is tied to its signal, and aborting it removes them all. Only one thing aborts it:
 * the extension context is gone (extensionLink.ts). Nothing the page can do is that: WXT's
 * ContentScriptContext, which ends on a DOM event any page can dispatch
 * (wxt/dist/utils/content-script-context.mjs, listenForNewerScripts), is not used at all.
 *
 * The script may run at document_start (registered, lib/background/gateScripts.ts), before the
 * page has a body: the capture listeners go on at once, the views when there is DOM to hold them.
 */
import { browser } from 'wxt/browser';
import { systemClock } from '@/lib/domain/clock';
import type { Crm } from '@/lib/domain/deal';
import { GateController } from '@/lib/gate/controller';
import { every } from '@/lib/gate/lifetime';
import { messageServices } from '@/lib/gate/services';
import type { HostAdapterOptions } from '@/lib/crms/shared/page/hostPage';
import { sendMessage } from '@/lib/messaging/client';
import { GATE_LINK } from '@/lib/messaging/gateLink';
import { registerTabMessageRouter } from '@/lib/messaging/router';
import type { Settings } from '@/lib/settings/schema';
import { watchExtensionContext, type ExtensionLinkDeps } from './extensionLink';
import { createOverlay } from './mount';

/** How often the URL is compared where the Navigation API is missing (Firefox before it shipped there). */
const URL_POLL_MS = 500;

/** Where a running gate leaves word of itself: a property of the content scripts' own global, which the page cannot see. */
const RUNNING_GATE = '__batonRunningGate';

/**
 * One gate per document. The registered script (document_start) and the injector's
 * executeScript (in-app navigation, tabs open before Baton started) can both reach a document;
 * content scripts of one extension context share one global per document, so the second script
 * finds the first still running and leaves. A script of a reloaded or updated extension runs in
 * a fresh global (seen in Chromium) and takes over while the one left behind takes itself out
 * (extensionLink.ts).
 */
function claimDocument(signal: AbortSignal): boolean {
  const global = globalThis as { [RUNNING_GATE]?: AbortSignal };
  const running = global[RUNNING_GATE];
  if (running && !running.aborted) return false;
  global[RUNNING_GATE] = signal;
  signal.addEventListener('abort', () => {
    if (global[RUNNING_GATE] === signal) delete global[RUNNING_GATE];
  });
  return true;
}

function contextAlive(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
}

const browserLink: ExtensionLinkDeps = {
  contextAlive,
  connect() {
    const port = browser.runtime.connect({ name: GATE_LINK });
    // Read, so Chrome does not log an unchecked error when the worker was not listening yet.
    port.onDisconnect.addListener(() => void browser.runtime.lastError);
    return port;
  },
};

/**
 * Calls `listener` whenever the page's URL changes (SPA navigation), until `until` aborts: the
 * Navigation API's currententrychange, popstate and hashchange, or a poll where there is no
 * Navigation API. A page may dispatch any of these events itself; that only makes the gate
 * compare the URL again.
 */
function watchUrl(listener: () => void, until: AbortSignal): void {
  let last = location.href;
  const compare = () => {
    if (until.aborted || location.href === last) return;
    last = location.href;
    listener();
  };
  const navigation = (window as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', compare, { signal: until });
  window.addEventListener('popstate', compare, { signal: until });
  window.addEventListener('hashchange', compare, { signal: until });
  if (!navigation) every(until, URL_POLL_MS, compare);
}

export function runGate<C extends Crm>(
  crm: C,
  css: string,
  start: (options: HostAdapterOptions<Settings['fieldMappings'][C]>) => void,
  link: ExtensionLinkDeps = browserLink,
): void {
  const gate = new AbortController();
  const { signal } = gate;
  if (!claimDocument(signal)) return;
  watchExtensionContext(signal, () => gate.abort('extension context gone'), link);
  if (signal.aborted) return;
  // The background pings before it injects: a gate already in this document answers.
  const unregister = registerTabMessageRouter({ ping: () => ({ ok: true, version: browser.runtime.getManifest().version }) });
  signal.addEventListener('abort', unregister, { once: true });
  const controller = new GateController(messageServices, systemClock, signal);
  // On until the background says the test suite switched it off (lib/background/testSwitches.ts).
  let uiRecognition = true;
  void sendMessage('gate/switches', {}).then(
    (switches) => (uiRecognition = switches.uiRecognition),
    () => {},
  );
  start({
    controller,
    views: createOverlay(controller, css, signal),
    mapping: async () => (await sendMessage('settings/get', {})).settings.fieldMappings[crm],
    signal,
    uiRecognition: () => uiRecognition,
    onUrlChange: watchUrl,
  });
}
