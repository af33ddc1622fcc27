import { afterEach, describe, expect, it, vi } from 'vitest';
import { hubspot } from '@/lib/crms/hubspot/entry';
import { salesforce } from '@/lib/crms/salesforce/entry';
import { missing } from '@/lib/crms/shared/page/dom';

/** The text of each console.warn call made while `act` runs. */
function warnings(act: () => void): string[] {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  act();
  return warn.mock.calls.map((call) => call.map(String).join(' '));
}

describe('missing: the console warning when a CRM page lacks an expected element', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('on a HubSpot page names HubSpot, not Salesforce, and lists what it tried', () => {
    const said = warnings(() => missing(hubspot, 'the name of a board column (HubSpot test)', ['[data-test-id="cdb-column-name"]', 'h6']));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('HubSpot may have changed its markup');
    expect(said[0]).not.toContain('Salesforce');
    expect(said[0]).toContain('tried: [data-test-id="cdb-column-name"] | h6');
  });

  it('on a Salesforce page names Salesforce, not HubSpot', () => {
    const said = warnings(() => missing(salesforce, 'the stages of the Path (Salesforce test)', ['ul.slds-path__nav > li.slds-path__item']));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('Salesforce may have changed its markup');
    expect(said[0]).not.toContain('HubSpot');
  });

  it('says it once per thing, however often the thing is missed', () => {
    const said = warnings(() => {
      for (let i = 0; i < 3; i++) missing(hubspot, 'the deal id of a board card (repeat test)', ['[data-rbd-draggable-id]']);
    });
    expect(said).toHaveLength(1);
  });
});
