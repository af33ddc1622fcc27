import { describe, expect, it } from 'vitest';
import { hubspotDealIndexPortal, hubspotDealFromUrl, hubspotDealUrl, hubspotPortalFromUrl, isHubSpotAppHost } from '@/lib/crms/hubspot/urls';

describe('hubspotDealFromUrl', () => {
  it.each([
    ['the record page', 'https://app.hubspot.com/contacts/12345/record/0-3/987654', '12345', '987654'],
    ['an EU portal, trailing slash', 'https://app-eu1.hubspot.com/contacts/147434121/record/0-3/55/', '147434121', '55'],
    ['a record tab', 'https://app.hubspot.com/contacts/12345/record/0-3/987654/view/1', '12345', '987654'],
    ['the legacy deal URL', 'https://app-eu1.hubspot.com/contacts/147434121/deal/87654321098', '147434121', '87654321098'],
    ['a query string', 'https://app.hubspot.com/contacts/12345/record/0-3/987654?interaction=note', '12345', '987654'],
  ])('%s', (_name, url, portal, deal) => {
    expect(hubspotDealFromUrl(url)).toEqual({ crm: 'hubspot', instance: portal, recordId: deal });
  });

  it.each([
    ['a contact', 'https://app.hubspot.com/contacts/12345/record/0-1/987654'],
    ['a ticket', 'https://app.hubspot.com/contacts/12345/record/0-5/987654'],
    ['the deals board', 'https://app.hubspot.com/contacts/12345/objects/0-3/views/all/board'],
    ['the deals list', 'https://app.hubspot.com/contacts/12345/objects/0-3/views/all/list'],
    ['the marketing site', 'https://www.hubspot.com/contacts/12345/record/0-3/987654'],
    ['the developer docs host', 'https://developers.hubspot.com/contacts/12345/record/0-3/987654'],
    ['a look-alike host', 'https://app.hubspot.com.evil.example/contacts/12345/record/0-3/987654'],
    ['http', 'http://app.hubspot.com/contacts/12345/record/0-3/987654'],
    ['a non-numeric deal id', 'https://app.hubspot.com/contacts/12345/record/0-3/abc'],
  ])('rejects %s', (_name, url) => {
    expect(hubspotDealFromUrl(url)).toBeNull();
  });
});

describe('boards and hosts', () => {
  it('finds the portal of a deals index, board or table view, any view', () => {
    expect(hubspotDealIndexPortal('https://app.hubspot.com/contacts/12345/objects/0-3/views/all/board')).toBe('12345');
    expect(hubspotDealIndexPortal('https://app-na2.hubspot.com/contacts/9/objects/0-3/views/353515006/board/')).toBe('9');
    expect(hubspotDealIndexPortal('https://app.hubspot.com/contacts/12345/objects/0-3/views/all/list')).toBe('12345');
    expect(hubspotDealIndexPortal('https://app-eu1.hubspot.com/contacts/147434121/objects/0-3/views/353515006/list?query=acme')).toBe('147434121');
    expect(hubspotDealIndexPortal('https://app.hubspot.com/contacts/12345/objects/0-2/views/all/board')).toBeNull();
    expect(hubspotDealIndexPortal('https://app.hubspot.com/contacts/12345/objects/0-1/views/all/list')).toBeNull();
    expect(hubspotDealIndexPortal('https://app.hubspot.com/contacts/12345/objects/0-3/views/all/calendar')).toBeNull();
  });

  it('knows HubSpot’s app hosts and nothing else', () => {
    for (const h of ['app.hubspot.com', 'app-eu1.hubspot.com', 'app-na2.hubspot.com', 'app-ap1.hubspot.com']) expect(isHubSpotAppHost(h)).toBe(true);
    for (const h of ['hubspot.com', 'www.hubspot.com', 'api.hubspot.com', 'knowledge.hubspot.com', 'app-evil.hubspot.com']) expect(isHubSpotAppHost(h)).toBe(false);
  });

  it('reads the portal of any app page and builds a deal’s URL', () => {
    expect(hubspotPortalFromUrl('https://app.hubspot.com/contacts/12345/objects/0-1/views/all/list')).toBe('12345');
    expect(hubspotPortalFromUrl('https://app.hubspot.com/reports-dashboard/12345')).toBeNull();
    expect(hubspotDealUrl('app-eu1.hubspot.com', { crm: 'hubspot', instance: '7', recordId: '9' })).toBe('https://app-eu1.hubspot.com/contacts/7/record/0-3/9');
  });
});
