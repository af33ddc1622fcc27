import { isSalesforceOpportunityListUrl, salesforceOpportunityFromUrl } from '@/lib/hosts/salesforce/urls';

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
];
