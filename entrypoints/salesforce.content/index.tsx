import '@/components/overlay/overlay.css';
import { createOverlay } from '@/components/overlay/mount';
import { GateController } from '@/lib/gate/controller';
import { messageServices } from '@/lib/gate/services';
import { startSalesforce } from '@/lib/hosts/salesforce/adapter';
import { sendMessage } from '@/lib/messaging/client';

export default defineContentScript({
  // Every Lightning host (production, sandbox, developer, scratch); which pages are deals is
  // decided at run time, from the URL (lib/hosts/salesforce/urls.ts).
  matches: ['https://*.lightning.force.com/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    const controller = new GateController(messageServices);
    const overlay = createOverlay(ctx, controller);
    const stop = startSalesforce({
      controller,
      views: overlay,
      mapping: async () => (await sendMessage('settings/get', {})).settings.fieldMappings.salesforce,
      onUrlChange(listener) {
        // WXT polls the URL every second; the Navigation API (Chromium) tells at once.
        ctx.addEventListener(window, 'wxt:locationchange', listener);
        ctx.addEventListener(window, 'popstate', listener);
        const nav = (window as { navigation?: EventTarget }).navigation;
        if (nav) ctx.addEventListener(nav, 'currententrychange', listener);
        return () => {};
      },
    });
    ctx.onInvalidated(() => {
      stop();
      overlay.destroy();
    });
  },
});
