/**
 * The body of a gate content script, the same for every CRM: answer the background's ping, build
 * the controller and the overlay, start the host adapter, and take it all down when the extension
 * context goes (update, reload, uninstall).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
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
  start: (options: HostAdapterOptions<Settings['fieldMappings'][C]>) => () => void,
): void {
  // The background pings before it injects: a gate already in this document answers.
  const unregister = registerTabMessageRouter({ ping: () => ({ ok: true, version: browser.runtime.getManifest().version }) });
  const controller = new GateController(messageServices);
  const overlay = createOverlay(ctx, controller, css);
  const stop = start({
    controller,
    views: overlay,
    mapping: async () => (await sendMessage('settings/get', {})).settings.fieldMappings[crm],
    onUrlChange(listener) {
      let active = true;
      const onChange = () => {
        if (active) listener();
      };
      // WXT's own location watcher, plus the history and Navigation API events it may miss.
      ctx.addEventListener(window, 'wxt:locationchange', onChange);
      ctx.addEventListener(window, 'popstate', onChange);
      const nav = (window as { navigation?: EventTarget }).navigation;
      if (nav) ctx.addEventListener(nav, 'currententrychange', onChange);
      return () => {
        active = false;
      };
    },
  });
  ctx.onInvalidated(() => {
    unregister();
    stop();
    overlay.destroy();
  });
}
