import { describe, expect, it } from 'vitest';
import { SalesforceBackend } from '@/lib/crms/salesforce/api/backend';
import { ACTIVITY_SUBJECTS } from '@/lib/domain/activity';
import { DEFAULT_SALESFORCE_MAPPING } from '@/lib/settings/schema';
import { CASEY, DANA, FakeSalesforceOrg, GRACE } from '@/test/fixtures/salesforce/org';
import { fetchFromOrg } from '@/test/fixtures/salesforce/fetch';
import type { FakeRequest } from '@/test/fixtures/salesforce/org';
import { AUDIT_PERMISSION, salesforceAuditTrail } from '@/lib/crms/salesforce/serverRule';

function setup() {
  const org = new FakeSalesforceOrg();
  const requests: FakeRequest[] = [];
  const backend = new SalesforceBackend({
    getCookie: async () => ({ value: org.sessionId }),
    mapping: async () => DEFAULT_SALESFORCE_MAPPING,
    fetch: fetchFromOrg(org, (r) => requests.push(r)),
  });
  return { org, backend, requests };
}

const TODAY = new Date().toISOString().slice(0, 10);

describe('Baton’s Tasks read back from Salesforce', () => {
  it('carry who created them (id, name, email, role and profile) as Salesforce says', async () => {
    const { org, backend } = setup();
    const opp = org.addOpportunity({ name: 'Acme renewal' });
    org.addTask(opp.id, `${ACTIVITY_SUBJECTS.acknowledgement} (5/5)`, 'Rating: 5/5', '2026-11-20T10:00:00.000Z', CASEY.name);
    const [ack] = await backend.readActivities({ crm: 'salesforce', instance: org.instance, recordId: opp.id });
    expect(ack).toMatchObject({ kind: 'acknowledgement', deleted: null, author: { id: CASEY.id, name: CASEY.name, email: CASEY.email, groups: ['Customer Success', 'CS User'] } });
  });

  it('include a deleted override, read through queryAll, with who deleted it', async () => {
    const { org, backend, requests } = setup();
    const opp = org.addOpportunity({ name: 'Acme renewal' });
    const ref = { crm: 'salesforce' as const, instance: org.instance, recordId: opp.id };
    await backend.createActivity(ref, `${ACTIVITY_SUBJECTS.override} (closed won anyway)`, 'Reason given: signed early');
    const [task] = org.tasks;
    org.deleteTask(task!.id, GRACE.id);
    const activities = await backend.readActivities(ref);
    expect(requests.some((r) => new URL(r.url).pathname.endsWith('/queryAll'))).toBe(true);
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({ kind: 'override', author: { id: GRACE.id, name: GRACE.name }, deleted: { by: GRACE.name } });
  });

  it('in the console: queryAll, deleted opportunities left out, the owner’s id, deleted and forged records as they are', async () => {
    const { org, backend, requests } = setup();
    const opp = org.addOpportunity({ name: 'Forged', stage: 'Closed Won', closeDate: TODAY, ownerName: GRACE.name });
    const forged = org.addTask(opp.id, `${ACTIVITY_SUBJECTS.acknowledgement} (5/5)`, 'Rating: 5/5', '2026-11-20T10:00:00.000Z', GRACE.name);
    const override = org.addTask(opp.id, `${ACTIVITY_SUBJECTS.override} (closed won anyway)`, 'Reason given: quarter end', '2026-11-19T10:00:00.000Z', GRACE.name);
    org.deleteTask(override.id, DANA.id);
    const { deals } = await backend.listTeamDeals(org.instance, { closedSince: TODAY, closedUntil: TODAY });
    const team = requests.find((r) => /FROM Opportunity WHERE/.test(new URL(r.url).searchParams.get('q') ?? ''));
    expect(new URL(team!.url).pathname.endsWith('/queryAll')).toBe(true);
    expect(new URL(team!.url).searchParams.get('q')).toMatch(/FROM Opportunity WHERE IsDeleted = false AND \(/);
    expect(deals).toHaveLength(1);
    expect(deals[0]).toMatchObject({ ownerId: GRACE.id });
    expect(deals[0]?.activities.map((a) => [a.kind, a.author?.id, a.deleted?.by ?? null])).toEqual([
      ['acknowledgement', GRACE.id, null],
      ['override', GRACE.id, DANA.name],
    ]);
    expect(forged.IsDeleted).toBe(false);
  });
});

describe('the server-side export for Baton’s Tasks', () => {
  it('is a Task trigger refusing deletes and rewrites of Baton’s subjects to all but holders of the permission, with a test class', () => {
    const files = salesforceAuditTrail(Object.values(ACTIVITY_SUBJECTS));
    const trigger = files.find((f) => f.path.endsWith('.trigger'))!.text;
    expect(trigger).toMatch(/^trigger BatonAuditTrail on Task \(before update, before delete\)/m);
    expect(trigger).toContain(`FeatureManagement.checkPermission('${AUDIT_PERMISSION}')`);
    for (const subject of Object.values(ACTIVITY_SUBJECTS)) expect(trigger).toContain(`'${subject}'`);
    expect(trigger).toContain('before.addError(');
    expect(files.map((f) => f.path)).toEqual([
      'force-app/main/default/triggers/BatonAuditTrail.trigger',
      'force-app/main/default/triggers/BatonAuditTrail.trigger-meta.xml',
      'force-app/main/default/classes/BatonAuditTrailTest.cls',
      'force-app/main/default/classes/BatonAuditTrailTest.cls-meta.xml',
      `force-app/main/default/customPermissions/${AUDIT_PERMISSION}.customPermission-meta.xml`,
    ]);
    // Apex string literals: a quote in a message is escaped, or the trigger does not compile.
    expect(trigger).toContain("Baton\\'s audit record");
  });
});
