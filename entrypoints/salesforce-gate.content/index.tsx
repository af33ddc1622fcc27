import overlayCss from '@/components/overlay/overlay.css?inline';
import { createOverlay } from '@/components/overlay/mount';
import { GateController } from '@/lib/gate/controller';
import { messageServices } from '@/lib/gate/services';
import { startSalesforce } from '@/lib/hosts/salesforce/adapter';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging/client';
import { registerTabMessageRouter } from '@/lib/messaging/router';

export default defineContentScript({
  // Injected by the background (lib/background/injector.ts) into opportunity pages only; not in
  // the manifest's content_scripts, so other Salesforce pages carry no Baton code at all.
  matches: ['https://*.lightning.force.com/*'],
  registration: 'runtime',
  // The CSS goes into Baton's shadow roots as text: no web-accessible resource a page could probe.
  cssInjectionMode: 'manual',
  main(ctx) {
    // The background pings before it injects: a gate already in this document answers.
    const unregister = registerTabMessageRouter({ ping: () => ({ ok: true, version: browser.runtime.getManifest().version }) });
    const controller = new GateController(messageServices);
    const overlay = createOverlay(ctx, controller, overlayCss);
    const stop = startSalesforce({
      controller,
      views: overlay,
      mapping: async () => (await sendMessage('settings/get', {})).settings.fieldMappings.salesforce,
      onUrlChange(listener) {
        ctx.addEventListener(window, 'wxt:locationchange', listener);
        ctx.addEventListener(window, 'popstate', listener);
        const nav = (window as { navigation?: EventTarget }).navigation;
        if (nav) ctx.addEventListener(nav, 'currententrychange', listener);
        return () => {};
      },
    });
    ctx.onInvalidated(() => {
      unregister();
      stop();
      overlay.destroy();
    });
  },
});
