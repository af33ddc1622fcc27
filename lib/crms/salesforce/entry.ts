/** Salesforce Lightning in Baton's registry of CRMs (lib/crms/index.ts). */
import type { CrmEntry } from '../shared/entry';
import { isSalesforceOpportunityCreateUrl, isSalesforceOpportunityListUrl, salesforceInstanceFromUrl, salesforceOpportunityFromUrl } from './urls';

export const salesforce: CrmEntry = {
  id: 'salesforce',
  label: 'Salesforce',
  activityNoun: 'a Task',
  mappingTitle: 'Salesforce Opportunity field (API name)',
  pageMatches: ['https://*.lightning.force.com/*'],
  // Record pages (/lightning/r/Opportunity/{id}/…, /lightning/r/006…/…), list views (table,
  // Kanban) and the New form. The legacy /one/one.app#/sObject/{id} routes by fragment, which a
  // pattern cannot see: those pages get the gate from the injector.
  gatePageMatches: [
    'https://*.lightning.force.com/lightning/r/Opportunity/*',
    'https://*.lightning.force.com/lightning/r/006*',
    'https://*.lightning.force.com/lightning/o/Opportunity/list*',
    'https://*.lightning.force.com/lightning/o/Opportunity/new*',
  ],
  // The org's My Domain API host: REST calls, and its `sid` cookie is the user's session.
  apiMatches: ['https://*.my.salesforce.com/*'],
  pageDomains: ['lightning.force.com'],
  gateScript: '/content-scripts/salesforce-gate.js',
  saveScript: '/content-scripts/salesforce-saves.js',
  dealFromUrl: salesforceOpportunityFromUrl,
  // A list view (table, Kanban) and the New form over it: where deals are moved or created without a record page.
  collectionFromUrl: (url) => (isSalesforceOpportunityListUrl(url) || isSalesforceOpportunityCreateUrl(url) ? salesforceInstanceFromUrl(url) : null),
  instanceFromUrl: salesforceInstanceFromUrl,
  notConnected: 'Baton cannot reach Salesforce from this browser.',
  // Baton uses the browser's own Salesforce session (its `sid` cookie): a sign-in brings it back.
  accessNeeded: 'sign-in',
  regainAccess: 'once you sign in to Salesforce again in this browser',
};
