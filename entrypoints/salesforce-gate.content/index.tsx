import overlayCss from '@/components/overlay/overlay.css?inline';
import { runGate } from '@/components/overlay/runGate';
import { CRMS } from '@/lib/crms';
import { startSalesforce } from '@/lib/crms/salesforce/page/adapter';

export default defineContentScript({
  // Injected by the background (lib/background/injector.ts) into opportunity pages only; not in
  // the manifest's content_scripts, so other Salesforce pages carry no Baton code at all.
  matches: [...CRMS.salesforce.pageMatches],
  registration: 'runtime',
  // The CSS goes into Baton's shadow roots as text: no web-accessible resource a page could probe.
  cssInjectionMode: 'manual',
  main(ctx) {
    runGate(ctx, 'salesforce', overlayCss, startSalesforce);
  },
});
