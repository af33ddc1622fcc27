import { isSalesforceOpportunityCreateUrl, isSalesforceOpportunityListUrl, salesforceOpportunityFromUrl } from '@/lib/crms/salesforce/urls';
import { hubspotDealIndexPortal, hubspotDealFromUrl } from '@/lib/crms/hubspot/urls';

/** Every page detector Baton has, with real example URLs of the pages it must claim. */
export interface Detector {
  name: string;
  claims(url: string): boolean;
  examples: string[];
}

export const DETECTORS: Detector[] = [
  {
    name: 'Salesforce opportunity record',
    claims: (url) => salesforceOpportunityFromUrl(url) !== null,
    examples: [
      'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001abcDEIAY/view',
      'https://acme--uat.sandbox.lightning.force.com/lightning/r/006Hs00001abcDEIAY/view',
      'https://acme.lightning.force.com/one/one.app#/sObject/006Hs00001abcDEIAY/view',
    ],
  },
  {
    name: 'Salesforce opportunity list / Kanban',
    claims: isSalesforceOpportunityListUrl,
    examples: [
      'https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=AllOpportunities',
      'https://acme.develop.lightning.force.com/lightning/o/Opportunity/list',
    ],
  },
  {
    name: 'Salesforce New Opportunity form',
    claims: isSalesforceOpportunityCreateUrl,
    examples: [
      // The list view's New button (the query as seen in public LWC code whose repository could not be identified).
      'https://acme.develop.lightning.force.com/lightning/o/Opportunity/new?count=2&nooverride=1&useRecordTypeCheck=1&navigationLocation=LIST_VIEW&uid=170473037090656137&backgroundContext=%2Flightning%2Fo%2FOpportunity%2Flist%3FfilterName%3DRecent',
      'https://acme.lightning.force.com/lightning/o/Opportunity/new',
    ],
  },
  {
    name: 'HubSpot deal record',
    claims: (url) => hubspotDealFromUrl(url) !== null,
    examples: [
      'https://app.hubspot.com/contacts/12345/record/0-3/987654',
      'https://app-eu1.hubspot.com/contacts/147434121/record/0-3/8765/',
      'https://app-na2.hubspot.com/contacts/12345/deal/987654',
      'https://app.hubspot.com/contacts/12345/record/0-3/987654/view/1',
    ],
  },
  {
    name: 'HubSpot deals board or table',
    claims: (url) => hubspotDealIndexPortal(url) !== null,
    examples: [
      'https://app.hubspot.com/contacts/12345/objects/0-3/views/all/board',
      'https://app-eu1.hubspot.com/contacts/147434121/objects/0-3/views/353515006/board?query=acme',
      'https://app.hubspot.com/contacts/12345/objects/0-3/views/all/list',
    ],
  },
];
