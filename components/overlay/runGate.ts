/**
 * The body of a gate content script, the same for every CRM: answer the background's ping, build
 * the controller and the overlay, start the host adapter, and take it all down when the extension
 * context goes (update, reload, uninstall).
 *
 * One AbortController is the gate's lifetime: every listener, timer and view the gate puts into
 * the page is tied to its signal, and aborting it removes them all.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { systemClock } from '@/lib/domain/clock';
import type { Crm } from '@/lib/domain/deal';
import { GateController } from '@/lib/gate/controller';
import { messageServices } from '@/lib/gate/services';
import type { HostAdapterOptions } from '@/lib/crms/shared/page/hostPage';
import { sendMessage } from '@/lib/messaging/client';
import { registerTabMessageRouter } from '@/lib/messaging/router';
import type { Settings } from '@/lib/settings/schema';
import { createOverlay } from './mount';

export function runGate<C extends Crm>(
  ctx: ContentScriptContext,
  crm: C,
  css: string,
  start: (options: HostAdapterOptions<Settings['fieldMappings'][C]>) => void,
): void {
  const gate = new AbortController();
  const { signal } = gate;
  ctx.onInvalidated(() => gate.abort());
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
    views: createOverlay(ctx, controller, css, signal),
    mapping: async () => (await sendMessage('settings/get', {})).settings.fieldMappings[crm],
    signal,
    uiRecognition: () => uiRecognition,
    onUrlChange(listener, until) {
      const onChange = () => {
        if (!until.aborted) listener();
      };
      // WXT's location watcher runs only for a listener added through ctx, which ties that
      // listener to ctx's own signal (wxt/dist/utils/content-script-context.mjs, addEventListener):
      // it goes when ctx is invalidated, which is what aborts the gate; `until` guards the gap.
      ctx.addEventListener(window, 'wxt:locationchange', onChange);
      // The history and Navigation API events WXT's watcher may miss.
      window.addEventListener('popstate', onChange, { signal: until });
      (window as { navigation?: EventTarget }).navigation?.addEventListener('currententrychange', onChange, { signal: until });
    },
  });
}
