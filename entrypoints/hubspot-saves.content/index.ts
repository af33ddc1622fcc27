import { installSaveHold } from '@/lib/crms/shared/page/saveHold';
import { hubspotSaves } from '@/lib/crms/hubspot/page/saves';
import { hubspot } from '@/lib/crms/hubspot/entry';

export default defineContentScript({
  // The backstop's page-world half (README, "The backstop"): registered by the background to run
  // at document_start on deal pages (lib/background/gateScripts.ts), before HubSpot's own
  // scripts; not in the manifest's content_scripts.
  matches: [...hubspot.pageMatches],
  registration: 'runtime',
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installSaveHold(window, hubspotSaves);
  },
});
