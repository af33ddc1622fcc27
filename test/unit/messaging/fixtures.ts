import type { DealRef } from '@/lib/domain/deal';
import type { RawArtifact } from '@/lib/domain/elements';
import type { SenderInfo } from '@/lib/messaging/sender';

// The fake browser's runtime.id and runtime.getURL('') (see @webext-core/fake-browser).
export const EXTENSION_ID = 'test-extension-id';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
export const ROUTER_OPTIONS = { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN };

export const SF_DEAL_URL = 'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001abcDEAA/view';

/** What Chrome reports for Baton's content script in a Salesforce tab. */
export const contentScriptSender: SenderInfo = { id: EXTENSION_ID, url: SF_DEAL_URL, tab: { id: 7 }, frameId: 0 };
/** The side panel: extension origin, no tab. */
export const sidePanelSender: SenderInfo = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}sidepanel.html` };
/** The background service worker, as a content script sees it. */
export const backgroundSender: SenderInfo = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}background.js` };

export function envelope(type: string, payload: unknown): unknown {
  return { baton: 1, type, payload };
}

export const raw: RawArtifact = {
  useCase: 'Replace the spreadsheet forecast for 40 regional managers.',
  successMetric: 'Forecast prepared in under 2 hours a week by end of Q3.',
  riskFlags: 'None confirmed with the champion.',
  whyBought: 'Board asked for weekly forecasts.',
  promises: '',
  stakeholders: 'Dana Lee — champion',
  timeline: 'Go-live 2025-09-01',
  knownGaps: '',
};

export const deal: DealRef = { crm: 'salesforce', instance: 'acme', recordId: '006Hs00001abcDEAA' };

/** Handlers for the messages a test does not exercise: each fails loudly if it is called anyway. */
export function unusedHandlers() {
  const unused = (name: string) => () => {
    throw new Error(`the test did not expect "${name}"`);
  };
  return {
    'hubspot/status': unused('hubspot/status'),
    'hubspot/connect': unused('hubspot/connect'),
    'hubspot/disconnect': unused('hubspot/disconnect'),
    'deal/cached': unused('deal/cached'),
    'deals/recent': unused('deals/recent'),
    'deal/activities': unused('deal/activities'),
    'deal/acknowledge': unused('deal/acknowledge'),
    'deal/snapshot': unused('deal/snapshot'),
    'org/stages': unused('org/stages'),
    'deal/save-fields': unused('deal/save-fields'),
    'deal/override': unused('deal/override'),
    'audit/append': unused('audit/append'),
    'outbox/status': unused('outbox/status'),
    'outbox/retry': unused('outbox/retry'),
    'outbox/list': unused('outbox/list'),
    'outbox/retry-item': unused('outbox/retry-item'),
    'team/sources': unused('team/sources'),
    'team/deals': unused('team/deals'),
    'deal/review': unused('deal/review'),
    'reviews/list': unused('reviews/list'),
  };
}
