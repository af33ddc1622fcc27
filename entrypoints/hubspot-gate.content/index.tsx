import overlayCss from '@/components/overlay/overlay.css?inline';
import { runGate } from '@/components/overlay/runGate';
import { CRMS } from '@/lib/crms';
import { startHubSpot } from '@/lib/crms/hubspot/page/adapter';

export default defineContentScript({
  // Not in the manifest's content_scripts: the background registers it at document_start for
  // deal records and deals indexes (board, table) (lib/background/gateScripts.ts, the registry's
  // gatePageMatches) and injects it on in-app navigation into one (lib/background/injector.ts),
  // so other HubSpot pages carry no Baton code at all. *.hubspot.com because a match pattern
  // cannot say app-*.hubspot.com.
  matches: [...CRMS.hubspot.pageMatches],
  registration: 'runtime',
  // The CSS goes into Baton's shadow roots as text: no web-accessible resource a page could probe.
  cssInjectionMode: 'manual',
  // WXT posts the name of its "script started" event to the page (window.postMessage) unless
  // told not to; that event ends WXT's context. The gate does not use that context at all
  // (components/overlay/runGate.ts), and the page learns nothing from Baton.
  noScriptStartedPostMessage: true,
  main() {
    runGate('hubspot', overlayCss, startHubSpot);
  },
});
