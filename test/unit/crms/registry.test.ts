import { describe, expect, it } from 'vitest';
import { dealFromUrl } from '@/lib/crms';
import { DETECTORS } from './detectors';

describe('dealFromUrl (the side panel’s “which deal is this tab”)', () => {
  it('names the deal of a Salesforce opportunity and of a HubSpot deal', () => {
    expect(dealFromUrl('https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001abcDEIAY/view')).toEqual({
      crm: 'salesforce',
      instance: 'acme',
      recordId: '006Hs00001abcDEIAY',
    });
    expect(dealFromUrl('https://app-eu1.hubspot.com/contacts/147434121/record/0-3/8765/')).toMatchObject({ crm: 'hubspot', instance: '147434121', recordId: '8765' });
  });

  it('claims every record example and no list or board', () => {
    for (const detector of DETECTORS) {
      for (const url of detector.examples) {
        expect(dealFromUrl(url) !== null, `${detector.name}: ${url}`).toBe(detector.name.endsWith('record'));
      }
    }
  });

  it('no URL (a tab Baton may not read), a non-CRM page or garbage is no deal', () => {
    for (const url of [undefined, null, '', 'chrome://newtab/', 'https://example.com/lightning/r/Opportunity/006Hs00001abcDEIAY/view', 'not a url']) {
      expect(dealFromUrl(url)).toBeNull();
    }
  });
});
