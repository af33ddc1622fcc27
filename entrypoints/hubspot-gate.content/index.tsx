import overlayCss from '@/components/overlay/overlay.css?inline';
import { runGate } from '@/components/overlay/runGate';
import { CRMS } from '@/lib/crms';
import { startHubSpot } from '@/lib/crms/hubspot/page/adapter';

export default defineContentScript({
  // Injected by the background (lib/background/injector.ts) into HubSpot deal records and deals
  // indexes (board, table) only; *.hubspot.com because a match pattern cannot say app-*.hubspot.com.
  matches: [...CRMS.hubspot.pageMatches],
  registration: 'runtime',
  // The CSS goes into Baton's shadow roots as text: no web-accessible resource a page could probe.
  cssInjectionMode: 'manual',
  main(ctx) {
    runGate(ctx, 'hubspot', overlayCss, startHubSpot);
  },
});
