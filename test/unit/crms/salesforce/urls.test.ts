import { describe, expect, it } from 'vitest';
import {
  apiHostFor,
  isSalesforceOpportunityCreateUrl,
  isSalesforceOpportunityListUrl,
  lightningInstance,
  opportunityUrl,
  salesforceInstanceFromUrl,
  salesforceOpportunityFromUrl,
  toId18,
} from '@/lib/crms/salesforce/urls';
import { DETECTORS } from '../detectors';

const OPP = '006Hs00001abcDEIAY';

describe('salesforceOpportunityFromUrl', () => {
  it.each([
    ['production record page', `https://acme.lightning.force.com/lightning/r/Opportunity/${OPP}/view`, 'acme'],
    ['sandbox host', `https://acme--uat.sandbox.lightning.force.com/lightning/r/Opportunity/${OPP}/view`, 'acme--uat.sandbox'],
    ['developer edition host', `https://acme-dev-ed.develop.lightning.force.com/lightning/r/Opportunity/${OPP}/view`, 'acme-dev-ed.develop'],
    ['scratch org host', `https://site-power-4567.scratch.lightning.force.com/lightning/r/Opportunity/${OPP}/view`, 'site-power-4567.scratch'],
    ['record id without the object name', `https://acme.lightning.force.com/lightning/r/${OPP}/view`, 'acme'],
    ['console subtab in an account workspace', `https://acme.lightning.force.com/lightning/r/Opportunity/${OPP}/view?ws=%2Flightning%2Fr%2FAccount%2F001Hs00001xyzAAA%2Fview`, 'acme'],
    ['legacy one.app hash routing', `https://acme.lightning.force.com/one/one.app#/sObject/${OPP}/view`, 'acme'],
    ['one.app hash without /view', `https://acme.lightning.force.com/one/one.app#/sObject/${OPP}`, 'acme'],
    ['query string after the view', `https://acme.lightning.force.com/lightning/r/Opportunity/${OPP}/view?0.source=alohaHeader`, 'acme'],
    ['upper-case host', `https://ACME.lightning.force.com/lightning/r/Opportunity/${OPP}/view`, 'acme'],
    ['the Edit form opened from a list view', `https://acme.lightning.force.com/lightning/r/Opportunity/${OPP}/edit?navigationLocation=LIST_VIEW&backgroundContext=%2Flightning%2Fo%2FOpportunity%2Flist`, 'acme'],
    ['a trailing slash after view', `https://acme.lightning.force.com/lightning/r/Opportunity/${OPP}/view/`, 'acme'],
  ])('%s', (_name, url, instance) => {
    expect(salesforceOpportunityFromUrl(url)).toEqual({ crm: 'salesforce', instance, recordId: OPP });
  });

  it('turns a 15-character id into the 18-character one, so both links are the same deal', () => {
    const ref = salesforceOpportunityFromUrl('https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001abcDE/view');
    expect(ref?.recordId).toBe(OPP);
  });

  it.each([
    ['an account page', 'https://acme.lightning.force.com/lightning/r/Account/001Hs00001xyzAAAAA/view'],
    ['a Task subtab whose workspace is an opportunity', `https://acme.lightning.force.com/lightning/r/Task/00THs00000aBcDeFGH/view?ws=%2Flightning%2Fr%2FOpportunity%2F${OPP}%2Fview`],
    ['an opportunity related list', `https://acme.lightning.force.com/lightning/r/Opportunity/${OPP}/related/OpportunityLineItems/view`],
    ['a non-006 id in the short form', 'https://acme.lightning.force.com/lightning/r/0014F000006lAKhQAM/view'],
    ['the opportunity list view', 'https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent'],
    ['Lightning setup', 'https://acme.lightning.force.com/lightning/setup/SetupOneHome/home'],
    ['http, not https', `http://acme.lightning.force.com/lightning/r/Opportunity/${OPP}/view`],
    ['a look-alike host', `https://acme.lightning.force.com.evil.example/lightning/r/Opportunity/${OPP}/view`],
    ['the path on another host', `https://evil.example/lightning/r/Opportunity/${OPP}/view`],
    ['Classic on my.salesforce.com', `https://acme.my.salesforce.com/${OPP}`],
    ['an id of the wrong length', 'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001abc/view'],
    ['not a URL', 'lightning/r/Opportunity/006Hs00001abcDEIAY/view'],
  ])('rejects %s', (_name, url) => {
    expect(salesforceOpportunityFromUrl(url)).toBeNull();
  });
});

describe('toId18', () => {
  it.each([
    // Two widely published 15/18 pairs, then the fixture id this suite uses.
    ['001A0000006Vm9r', '001A0000006Vm9rIAC'],
    ['003A0000005QB3A', '003A0000005QB3AIAW'],
    ['006Hs00001abcDE', OPP],
  ])('%s → %s', (short, long) => {
    expect(toId18(short)).toBe(long);
  });

  it('leaves 18-character ids alone', () => {
    expect(toId18(OPP)).toBe(OPP);
  });
});

describe('hosts', () => {
  it('maps every Lightning host to its My Domain API host', () => {
    expect(apiHostFor('acme')).toBe('acme.my.salesforce.com');
    expect(apiHostFor('acme--uat.sandbox')).toBe('acme--uat.sandbox.my.salesforce.com');
    expect(apiHostFor('acme-dev-ed.develop')).toBe('acme-dev-ed.develop.my.salesforce.com');
  });

  it('refuses hosts that are not a Lightning app host', () => {
    expect(lightningInstance('lightning.force.com')).toBeNull();
    expect(lightningInstance('acme.my.salesforce.com')).toBeNull();
    expect(lightningInstance('a.b.c.lightning.force.com')).toBeNull();
    expect(salesforceInstanceFromUrl('https://acme.lightning.force.com/lightning/page/home')).toBe('acme');
  });

  it('links an opportunity to its Lightning record page, which reads back as the same deal', () => {
    const url = opportunityUrl('acme--uat.sandbox', OPP);
    expect(url).toBe('https://acme--uat.sandbox.lightning.force.com/lightning/r/Opportunity/006Hs00001abcDEIAY/view');
    expect(salesforceOpportunityFromUrl(url)).toEqual({ crm: 'salesforce', instance: 'acme--uat.sandbox', recordId: OPP });
  });
});

describe('isSalesforceOpportunityListUrl', () => {
  it('accepts opportunity list views (table or Kanban)', () => {
    expect(isSalesforceOpportunityListUrl('https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=AllOpportunities')).toBe(true);
    expect(isSalesforceOpportunityListUrl('https://acme--uat.sandbox.lightning.force.com/lightning/o/Opportunity/list')).toBe(true);
  });
  it('refuses other objects’ lists', () => {
    expect(isSalesforceOpportunityListUrl('https://acme.lightning.force.com/lightning/o/Account/list')).toBe(false);
  });
});

describe('isSalesforceOpportunityCreateUrl', () => {
  it('accepts the New Opportunity form, over a list view or on its own', () => {
    expect(
      isSalesforceOpportunityCreateUrl(
        'https://acme.lightning.force.com/lightning/o/Opportunity/new?count=1&nooverride=1&useRecordTypeCheck=1&navigationLocation=LIST_VIEW&uid=170473037090656137&backgroundContext=%2Flightning%2Fo%2FOpportunity%2Flist%3FfilterName%3DRecent',
      ),
    ).toBe(true);
    expect(isSalesforceOpportunityCreateUrl('https://acme--uat.sandbox.lightning.force.com/lightning/o/Opportunity/new/')).toBe(true);
  });
  it('refuses other objects’ forms and the list itself', () => {
    expect(isSalesforceOpportunityCreateUrl('https://acme.lightning.force.com/lightning/o/Account/new')).toBe(false);
    expect(isSalesforceOpportunityCreateUrl('https://acme.lightning.force.com/lightning/o/Opportunity/list')).toBe(false);
    expect(isSalesforceOpportunityCreateUrl('http://acme.lightning.force.com/lightning/o/Opportunity/new')).toBe(false);
  });
});

describe('every detector refuses every other detector’s pages', () => {
  for (const detector of DETECTORS) {
    const others = DETECTORS.filter((d) => d !== detector).flatMap((d) => d.examples);
    it(`${detector.name} claims none of ${others.length} other pages`, () => {
      for (const url of others) expect(detector.claims(url), url).toBe(false);
    });
    it(`${detector.name} claims each of its own examples`, () => {
      for (const url of detector.examples) expect(detector.claims(url), url).toBe(true);
    });
  }
});
