import { browser } from 'wxt/browser';
import overlayCss from '@/components/overlay/overlay.css?inline';
import { createOverlay } from '@/components/overlay/mount';
import { GateController } from '@/lib/gate/controller';
import { messageServices } from '@/lib/gate/services';
import { startHubSpot } from '@/lib/hosts/hubspot/adapter';
import { sendMessage } from '@/lib/messaging/client';
import { registerTabMessageRouter } from '@/lib/messaging/router';

export default defineContentScript({
  // Injected by the background (lib/background/injector.ts) into HubSpot deal records and deals
  // boards only; *.hubspot.com because a match pattern cannot say app-*.hubspot.com.
  matches: ['https://*.hubspot.com/*'],
  registration: 'runtime',
  cssInjectionMode: 'manual',
  main(ctx) {
    const unregister = registerTabMessageRouter({ ping: () => ({ ok: true, version: browser.runtime.getManifest().version }) });
    const controller = new GateController(messageServices);
    const overlay = createOverlay(ctx, controller, overlayCss);
    const stop = startHubSpot({
      controller,
      views: overlay,
      mapping: async () => (await sendMessage('settings/get', {})).settings.fieldMappings.hubspot,
      onUrlChange(listener) {
        ctx.addEventListener(window, 'wxt:locationchange', listener);
        ctx.addEventListener(window, 'popstate', listener);
        const nav = (window as { navigation?: EventTarget }).navigation;
        if (nav) ctx.addEventListener(nav, 'currententrychange', listener);
      },
    });
    ctx.onInvalidated(() => {
      unregister();
      stop();
      overlay.destroy();
    });
  },
});
