import { describe, expect, it } from 'vitest';
import { classifySender, isCrmContentScriptUrl } from '@/lib/messaging/sender';
import { EXTENSION_ID, EXTENSION_ORIGIN, SF_DEAL_URL } from './fixtures';

describe('isCrmContentScriptUrl', () => {
  it.each([
    SF_DEAL_URL,
    'https://acme--uat.sandbox.lightning.force.com/lightning/r/Opportunity/006Hs00001abcDEAA/view',
    'https://acme.develop.lightning.force.com/lightning/o/Opportunity/list',
    'https://dell.lightning.force.com/lightning/r/Task/00T5e00000abcDE/view?ws=%2Flightning%2Fr%2FOpportunity%2F006Hs00001abcDEAA%2Fview',
    'https://app.hubspot.com/contacts/123/record/0-3/456',
    'https://app-eu1.hubspot.com/contacts/147434121/deal/9876/',
    'https://app-na2.hubspot.com/contacts/123/objects/0-3/views/353515006/list',
    'HTTPS://ACME.LIGHTNING.FORCE.COM/lightning/page/home', // the parser lower-cases scheme and host
  ])('accepts %s', (url) => {
    expect(isCrmContentScriptUrl(url)).toBe(true);
  });

  it.each([
    'http://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001abcDEAA/view',
    'http://app.hubspot.com/contacts/123/record/0-3/456',
    'https://evil.com/lightning.force.com',
    'https://evil.com/?next=https://app.hubspot.com/',
    'https://lightning.force.com.evil.com/lightning/r/Opportunity/1/view',
    'https://hubspot.com.evil.io/contacts/1',
    'https://evilhubspot.com/contacts/1',
    'https://xlightning.force.com/',
    'https://acme.my.salesforce.com/lightning/r/Opportunity/006Hs00001abcDEAA/view',
    'https://acme.lightning.force.com:8443/lightning/page/home',
    'https://app.hubspot.com@evil.com/contacts/1',
    'https://user:pass@app.hubspot.com/contacts/1',
    'wss://app.hubspot.com/socket',
    'data:text/html,<p>https://app.hubspot.com/</p>',
    'blob:https://app.hubspot.com/9a1c7f5e-2d3b-4c1e-8f00-1234567890ab',
    'about:blank',
    'javascript:alert(1)//app.hubspot.com',
    'app.hubspot.com/contacts/1',
    '',
  ])('refuses %s', (url) => {
    expect(isCrmContentScriptUrl(url)).toBe(false);
  });

  it('refuses a missing url', () => {
    expect(isCrmContentScriptUrl(undefined)).toBe(false);
  });
});

describe('classifySender', () => {
  it('calls a page under the extension origin an extension page, in a tab or not', () => {
    expect(classifySender({ id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}sidepanel.html` }, EXTENSION_ORIGIN)).toBe(
      'extension-page',
    );
    expect(
      classifySender({ id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}options.html`, tab: { id: 3 } }, EXTENSION_ORIGIN),
    ).toBe('extension-page');
  });

  it('accepts a Firefox extension origin', () => {
    const origin = 'moz-extension://2d1e6a8c-4f0b-4a57-9d3e-8a6c1b7f0e42/';
    expect(classifySender({ url: `${origin}sidepanel.html` }, origin)).toBe('extension-page');
  });

  it('does not let another origin that merely starts with ours pass', () => {
    const url = `chrome-extension://${EXTENSION_ID}x/page.html`;
    expect(classifySender({ id: EXTENSION_ID, url }, `chrome-extension://${EXTENSION_ID}`)).toBeNull();
  });

  it('calls a CRM page in a tab a content script', () => {
    expect(classifySender({ url: SF_DEAL_URL, tab: { id: 1 } }, EXTENSION_ORIGIN)).toBe('content-script');
  });

  it('refuses a CRM url without a tab, a tab on another site, and a sender without url', () => {
    expect(classifySender({ url: SF_DEAL_URL }, EXTENSION_ORIGIN)).toBeNull();
    expect(classifySender({ url: 'https://example.com/', tab: { id: 1 } }, EXTENSION_ORIGIN)).toBeNull();
    expect(classifySender({ tab: { id: 1 } }, EXTENSION_ORIGIN)).toBeNull();
  });
});
