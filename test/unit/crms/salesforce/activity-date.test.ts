import { afterEach, describe, expect, it } from 'vitest';
import { SalesforceBackend } from '@/lib/crms/salesforce/api/backend';
import { DEFAULT_SALESFORCE_MAPPING } from '@/lib/settings/schema';
import { FakeSalesforceOrg } from '@/test/fixtures/salesforce/org';
import { fetchFromOrg } from '@/test/fixtures/salesforce/fetch';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('the override Task’s date', () => {
  it('is the rep’s today, the local day, as the gate judges it (lib/domain/clock.ts)', async () => {
    process.env.TZ = 'America/Los_Angeles';
    const org = new FakeSalesforceOrg();
    const backend = new SalesforceBackend({
      getCookie: async () => ({ value: org.sessionId }),
      mapping: async () => DEFAULT_SALESFORCE_MAPPING,
      fetch: fetchFromOrg(org),
      now: () => new Date('2027-01-12T07:30:00Z'), // 23:30 on the 11th in San Francisco
    });
    const opp = org.addOpportunity({ name: 'Late close' });
    await backend.createActivity({ crm: 'salesforce', instance: org.instance, recordId: opp.id }, 'Baton: handoff gate overridden', 'Reason given: signed tonight');
    expect(org.tasks.map((t) => t.ActivityDate)).toEqual(['2027-01-11']);
  });
});
