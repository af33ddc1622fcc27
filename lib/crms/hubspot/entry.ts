/** HubSpot in Baton's registry of CRMs (lib/crms/index.ts). */
import type { CrmEntry } from '../shared/entry';
import { hubspotDealIndexPortal, hubspotDealFromUrl, hubspotPortalFromUrl } from './urls';

export const hubspot: CrmEntry = {
  id: 'hubspot',
  label: 'HubSpot',
  activityNoun: 'a note',
  mappingTitle: 'HubSpot deal property (internal name)',
  // A match pattern cannot say app-*.hubspot.com; urls.ts picks the app hosts.
  pageMatches: ['https://*.hubspot.com/*'],
  // Deal records (/contacts/{portal}/record/0-3/{deal}, the legacy /contacts/{portal}/deal/{deal})
  // and deals indexes (/contacts/{portal}/objects/0-3/views/{view}/board or …/list).
  gatePageMatches: [
    'https://*.hubspot.com/contacts/*/record/0-3/*',
    'https://*.hubspot.com/contacts/*/deal/*',
    'https://*.hubspot.com/contacts/*/objects/0-3/views/*/board*',
    'https://*.hubspot.com/contacts/*/objects/0-3/views/*/list*',
  ],
  apiMatches: ['https://api.hubapi.com/*', 'https://api.hubspot.com/*'],
  pageDomains: ['hubspot.com'],
  gateScript: '/content-scripts/hubspot-gate.js',
  saveScript: '/content-scripts/hubspot-saves.js',
  dealFromUrl: hubspotDealFromUrl,
  collectionFromUrl: hubspotDealIndexPortal,
  instanceFromUrl: hubspotPortalFromUrl,
  notConnected: 'HubSpot is not connected. Connect it in Baton’s options.',
  // Baton holds its own HubSpot token: connecting (again) in the options brings it back.
  accessNeeded: 'connection',
  regainAccess: 'once HubSpot is connected in Baton’s options',
};
