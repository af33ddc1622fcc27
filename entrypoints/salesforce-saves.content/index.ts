import { installSaveHold } from '@/lib/crms/shared/page/saveHold';
import { salesforceSaves } from '@/lib/crms/salesforce/page/saves';
import { salesforce } from '@/lib/crms/salesforce/entry';

export default defineContentScript({
  // The backstop's page-world half (README, "The backstop"): registered by the background to run
  // at document_start on opportunity pages (lib/background/gateScripts.ts), before Lightning's own
  // scripts; not in the manifest's content_scripts.
  matches: [...salesforce.pageMatches],
  registration: 'runtime',
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installSaveHold(window, salesforceSaves);
  },
});
