/**
 * The registered gate scripts run at document_start on the pages each CRM's `gatePageMatches`
 * name (lib/background/gateScripts.ts). They must reach every deal page a pattern can name, and
 * nothing a person uses that is not one. Patterns are matched the way browsers match them
 * (@webext-core/match-patterns, which WXT ships).
 */
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { CRM_LIST, gateCrmFor } from '@/lib/crms';
import { DETECTORS } from './detectors';

const matchedBy = (url: string) => CRM_LIST.filter((crm) => crm.gatePageMatches.some((p) => new MatchPattern(p).includes(url))).map((c) => c.id);

/** Deal pages whose deal is in the fragment: no match pattern sees it, the injector brings the gate. */
const FRAGMENT_ROUTED = (url: string) => new URL(url).hash !== '';

describe('gatePageMatches', () => {
  it('name every deal page of every detector (but the fragment-routed ones), for its own CRM', () => {
    for (const detector of DETECTORS) {
      for (const url of detector.examples.filter((u) => !FRAGMENT_ROUTED(u))) {
        expect(matchedBy(url), url).toEqual([gateCrmFor(url)?.id]);
      }
    }
  });

  it.each([
    'https://acme.lightning.force.com/lightning/page/home',
    'https://acme.lightning.force.com/lightning/r/Account/001Hs00001xyzAAAAA/view',
    'https://acme.lightning.force.com/lightning/r/001Hs00001xyzAAAAA/view',
    'https://acme.lightning.force.com/lightning/o/Account/list?filterName=Recent',
    'https://acme.lightning.force.com/lightning/o/Opportunity/home',
    'https://acme.lightning.force.com/one/one.app#/sObject/001Hs00001xyzAAAAA/view',
    'https://acme.lightning.force.com/lightning/setup/SetupOneHome/home',
    'https://app.hubspot.com/contacts/12345/objects/0-1/views/all/list',
    'https://app.hubspot.com/contacts/12345/record/0-1/987654',
    'https://app.hubspot.com/contacts/12345/objects/0-2/views/all/list',
    'https://app.hubspot.com/reports-dashboard/12345/view/1',
    'https://app.hubspot.com/settings/12345/objects/deals',
    'https://acme.my.salesforce.com/lightning/r/Opportunity/006Hs00001abcDEIAY/view',
    'https://example.com/lightning/r/Opportunity/006Hs00001abcDEIAY/view',
  ])('leave a page that is not a deal alone: %s', (url) => {
    expect(matchedBy(url)).toEqual([]);
  });

  it('are https patterns on the CRM’s own page hosts (within pageMatches)', () => {
    for (const crm of CRM_LIST) {
      for (const pattern of crm.gatePageMatches) {
        const host = /^https:\/\/([^/]+)\//.exec(pattern)?.[1];
        expect(host, pattern).toBeDefined();
        expect(crm.pageMatches.some((p) => p.startsWith(`https://${host}/`)), pattern).toBe(true);
      }
    }
  });
});
