import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackgroundHandlers, overrideRecord } from '@/lib/background/handlers';
import { runOutbox } from '@/lib/background/outbox';
import { SalesforceBackend } from '@/lib/crms/salesforce/api/backend';
import { dealKey, type DealRef } from '@/lib/domain/deal';
import { closeBatonDb, getDraft, getSnapshot, listAudit, listForDeal, openBatonDb, type BatonDatabase } from '@/lib/db';
import { dealHeader } from '@/lib/domain/header';
import type { SenderContext } from '@/lib/messaging/router';
import { defaultSettings, DEFAULT_SALESFORCE_MAPPING } from '@/lib/settings/schema';
import { FakeSalesforceOrg, HANDOFF_FIELDS, RATING_FIELD } from '@/test/fixtures/salesforce/org';
import { fetchFromOrg } from '@/test/fixtures/salesforce/fetch';

let dbName = '';
let counter = 0;

/** IndexedDB failing as it does in the field: the open refused (failed upgrade, disk error), or every write refused (full quota). */
function brokenDb(how: 'open' | 'write'): () => Promise<BatonDatabase> {
  const refused = () => new DOMException(how === 'open' ? 'Internal error opening backing store.' : 'The quota has been exceeded.', how === 'open' ? 'UnknownError' : 'QuotaExceededError');
  if (how === 'open') return () => Promise.reject(refused());
  return async () => {
    const db = await openBatonDb(dbName);
    return new Proxy(db, {
      get(target, prop) {
        if (prop === 'add' || prop === 'put' || prop === 'delete') return () => Promise.reject(refused());
        if (prop === 'transaction') {
          return (stores: never, mode?: IDBTransactionMode) => {
            if (mode === 'readwrite') throw refused();
            return target.transaction(stores, mode);
          };
        }
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };
}

function setup(options: { ratingField?: boolean; csmRating?: string; db?: () => Promise<BatonDatabase> } = {}) {
  const org = new FakeSalesforceOrg({ ratingField: options.ratingField });
  const opp = org.addOpportunity({ name: 'Handlers', handoff: { useCase: 'old' } });
  const backend = new SalesforceBackend({
    getCookie: async () => ({ value: org.sessionId }),
    mapping: async () => DEFAULT_SALESFORCE_MAPPING,
    fetch: fetchFromOrg(org),
  });
  const db = options.db ?? (() => openBatonDb(dbName));
  const kickOutbox = vi.fn(async () => {
    await runOutbox(await db(), () => backend, new Date('2027-01-11T12:00:01.000Z'));
  });
  const handlers = createBackgroundHandlers({
    backend: (crm) => (crm === 'salesforce' ? backend : null),
    db,
    settings: async () => {
      const settings = defaultSettings();
      settings.fieldMappings.salesforce.csmRating = options.csmRating ?? null;
      return settings;
    },
    kickOutbox,
    connectHubSpot: async () => {
      throw new Error('not in these tests');
    },
    hubspotConnectionChanged: () => {},
    version: '0.1.0',
    now: () => new Date('2027-01-11T12:00:00.000Z'),
  });
  const deal: DealRef = { crm: 'salesforce', instance: org.instance, recordId: opp.id };
  return { org, opp, handlers, deal, db, kickOutbox };
}

const fromPage = (url = 'https://acme.lightning.force.com/lightning/r/Opportunity/006/view'): SenderContext => ({ senderKind: 'content-script', tabId: 1, frameId: 0, url });
const fromExtension: SenderContext = { senderKind: 'extension-page', url: 'chrome-extension://id/sidepanel.html' };

beforeEach(async () => {
  await closeBatonDb(dbName);
  dbName = `baton-handlers-${++counter}`;
});

describe('deal/snapshot', () => {
  it('answers the deal with the policy in force, and caches it locally', async () => {
    const { handlers, deal, db } = setup();
    const result = await handlers['deal/snapshot']({ deal }, fromPage());
    expect(result).toMatchObject({ ok: true, snapshot: { name: 'Handlers', artifact: { useCase: 'old' } }, policy: { enforcement: 'enforce' } });
    expect(await getSnapshot(await db(), dealKey(deal))).toMatchObject({ name: 'Handlers', stage: 'Negotiation/Review' });
  });

  it('caches the whole header, currency included: the cached brief shows what the live one showed', async () => {
    const { handlers, org } = setup();
    const opp = org.addOpportunity({ name: 'Euro deal', amount: 48_000, currency: 'EUR' });
    const deal: DealRef = { crm: 'salesforce', instance: org.instance, recordId: opp.id };
    const live = await handlers['deal/snapshot']({ deal }, fromExtension);
    if (!live.ok) throw new Error(live.problem.message);
    expect(dealHeader(live.snapshot)).toMatchObject({ amount: 48_000, currency: 'EUR' });
    const { snapshot: cached } = await handlers['deal/cached']({ deal }, fromExtension);
    if (cached === null) throw new Error('nothing was cached');
    expect(cached.header).toEqual(dealHeader(live.snapshot));
  });

  it('turns CRM failures into an answer, not a thrown error', async () => {
    const { handlers, deal, org } = setup();
    org.sessionValid = false;
    expect(await handlers['deal/snapshot']({ deal }, fromPage())).toMatchObject({ ok: false, problem: { kind: 'session-expired' } });
  });

  it('a CRM without a connection says so', async () => {
    const { handlers } = setup();
    const result = await handlers['deal/snapshot']({ deal: { crm: 'hubspot', instance: '123', recordId: '987' } }, fromExtension);
    expect(result).toMatchObject({ ok: false, problem: { kind: 'not-connected' } });
  });

  it('a page may only ask about deals of its own org', async () => {
    const { handlers, deal } = setup();
    await expect(handlers['deal/snapshot']({ deal }, fromPage('https://evil.lightning.force.com/lightning/r/Opportunity/006/view'))).rejects.toThrow(
      'only about deals of its own org',
    );
    // Extension pages (side panel, console) may ask about any deal.
    expect((await handlers['deal/snapshot']({ deal }, fromExtension)).ok).toBe(true);
  });
});

describe('deal/save-fields', () => {
  it('saves, and clears the draft it came from', async () => {
    const { handlers, deal, opp, db } = setup();
    await handlers['draft/save']({ deal, fields: { useCase: 'new' }, baseValues: { useCase: 'old' } }, fromPage());
    expect(await handlers['deal/save-fields']({ deal, fields: { useCase: 'new' }, expected: { useCase: 'old' } }, fromPage())).toEqual({ outcome: 'saved' });
    expect(opp.fields[HANDOFF_FIELDS.useCase]).toBe('new');
    expect(await getDraft(await db(), dealKey(deal))).toBeUndefined();
  });

  it('reports a conflict and keeps the draft', async () => {
    const { handlers, deal, org, opp, db } = setup();
    await handlers['draft/save']({ deal, fields: { useCase: 'mine' } }, fromPage());
    org.editElsewhere(opp.id, { [HANDOFF_FIELDS.useCase]: 'theirs' });
    expect(await handlers['deal/save-fields']({ deal, fields: { useCase: 'mine' }, expected: { useCase: 'old' } }, fromPage())).toEqual({
      outcome: 'conflict',
      conflicts: [{ element: 'useCase', theirs: 'theirs' }],
    });
    expect((await getDraft(await db(), dealKey(deal)))?.fields).toEqual({ useCase: 'mine' });
  });

  it('queues a transient failure in the outbox; a later pass sends it and clears the draft', async () => {
    const { handlers, deal, org, opp, db } = setup();
    org.failNext({ method: 'PATCH', status: 503, headers: { 'Retry-After': '1' } });
    const result = await handlers['deal/save-fields']({ deal, fields: { useCase: 'later' }, expected: { useCase: 'old' } }, fromPage());
    expect(result).toMatchObject({ outcome: 'failed', queued: true, problem: { kind: 'unavailable' } });
    const queued = await listForDeal(await db(), dealKey(deal));
    expect(queued.items).toMatchObject([{ kind: 'update-fields', status: 'pending', payload: { fields: { useCase: 'later' }, expected: { useCase: 'old' } } }]);
    await handlers['outbox/retry']({ deal }, fromPage());
    expect(opp.fields[HANDOFF_FIELDS.useCase]).toBe('later');
    expect((await listForDeal(await db(), dealKey(deal))).items).toEqual([]);
  });

  it('does not queue what can never succeed (a validation rule)', async () => {
    const { handlers, deal, org, db } = setup();
    org.validationRule = () => 'Not in this quarter.';
    const result = await handlers['deal/save-fields']({ deal, fields: { useCase: 'x' }, expected: { useCase: 'old' } }, fromPage());
    expect(result).toMatchObject({ outcome: 'failed', queued: false, problem: { kind: 'validation' } });
    expect((await listForDeal(await db(), dealKey(deal))).items).toEqual([]);
  });
});

describe('deal/override', () => {
  const findings = [{ rule: 'missing-non-negotiable' as const, element: 'useCase' as const, severity: 'block' as const, message: 'The use case is empty.', fix: 'Write it.' }];

  it('records a Task on the opportunity and an audit entry with the reason', async () => {
    const { handlers, deal, org, opp, db } = setup();
    expect(await handlers['deal/override']({ deal, reason: 'Quarter end', findings, stageLabel: 'Closed Won' }, fromPage())).toEqual({ recorded: 'crm', problem: null, storage: null });
    expect(org.tasks).toMatchObject([{ WhatId: opp.id, Subject: 'Baton: handoff gate overridden (closed won anyway)' }]);
    expect(org.tasks[0]?.Description).toContain('Reason given: Quarter end');
    expect(org.tasks[0]?.Description).toContain('- [block] Use case: The use case is empty.');
    const audit = await listAudit(await db(), { dealKey: dealKey(deal), limit: 10 });
    expect(audit.items).toMatchObject([{ event: 'override', reason: 'Quarter end', findings: [{ rule: 'missing-non-negotiable', element: 'useCase', severity: 'block' }] }]);
  });

  it('when the CRM cannot take the Task now, it waits in the outbox and the override still counts', async () => {
    const { handlers, deal, org, db } = setup();
    org.apiEnabled = false;
    const result = await handlers['deal/override']({ deal, reason: 'No API today', findings, stageLabel: 'Closed Won' }, fromPage());
    expect(result).toMatchObject({ recorded: 'queued', problem: { kind: 'api-disabled' } });
    expect((await listForDeal(await db(), dealKey(deal))).items).toMatchObject([{ kind: 'create-override-record' }]);
    org.apiEnabled = true;
    await handlers['outbox/retry']({ deal }, fromPage());
    expect(org.tasks).toHaveLength(1);
  });

  it('the Task text quotes every finding and the moment', () => {
    const { subject, body } = overrideRecord('  why  ', 'Closed Won', findings, new Date('2027-01-11T12:00:00.000Z'));
    expect(subject).toContain('Baton');
    expect(body.split('\n')).toEqual([
      'Closed as “Closed Won” although Baton\'s handoff check blocked it (2027-01-11T12:00:00.000Z).',
      '',
      'Reason given: why',
      '',
      'Open findings (1):',
      '- [block] Use case: The use case is empty.',
    ]);
  });
});

describe('deal/acknowledge and deal/activities', () => {
  const rubric = { context: 5, promises: 3, stakeholders: 4, successCriteria: 4 };

  it('writes a Task with the rubric and comment, fills the mapped rating field, and reads it back', async () => {
    const { handlers, deal, org, opp } = setup({ ratingField: true, csmRating: RATING_FIELD });
    expect(await handlers['deal/acknowledge']({ deal, rubric, comment: '  Clear.  ' }, fromExtension)).toEqual({ recorded: 'crm', problem: null, ratingField: 'written' });
    expect(org.tasks).toMatchObject([{ WhatId: opp.id, Subject: 'Baton: handoff acknowledged by CS (4/5)' }]);
    expect(org.tasks[0]?.Description.split('\n')).toEqual([
      'Rating: 4/5',
      'Context (why they bought, use case): 5/5',
      'Promises clarity: 3/5',
      'Stakeholder map: 4/5',
      'Success criteria: 4/5',
      '',
      'Comment: Clear.',
    ]);
    expect(org.ratings.get(opp.id)).toBe(4);
    const read = await handlers['deal/activities']({ deal }, fromExtension);
    expect(read).toMatchObject({ ok: true, activities: [{ kind: 'acknowledgement', rating: 4, author: { id: '005Hs000001xyzAIAQ', name: 'Grace Hopper' }, deleted: null, subject: 'Baton: handoff acknowledged by CS (4/5)' }] });
  });

  it('a rating field missing from the org is reported; the Task still counts', async () => {
    const { handlers, deal, org } = setup({ ratingField: false, csmRating: RATING_FIELD });
    expect(await handlers['deal/acknowledge']({ deal, rubric, comment: '' }, fromExtension)).toMatchObject({ recorded: 'crm', ratingField: 'failed' });
    expect(org.tasks).toHaveLength(1);
  });

  it('an outage queues the acknowledgement; a later outbox pass writes it', async () => {
    const { handlers, deal, org, db } = setup();
    org.failNext({ method: 'POST', path: /^sobjects\/Task/, status: 503 });
    expect(await handlers['deal/acknowledge']({ deal, rubric, comment: 'later' }, fromExtension)).toMatchObject({ recorded: 'queued', problem: { kind: 'unavailable' } });
    expect((await listForDeal(await db(), dealKey(deal))).items).toMatchObject([{ kind: 'create-acknowledgement' }]);
    await handlers['outbox/retry']({ deal }, fromExtension);
    expect(org.tasks.map((t) => t.Subject)).toEqual(['Baton: handoff acknowledged by CS (4/5)']);
  });

  it('what can never succeed is not queued: the CSM is told, and nothing waits forever', async () => {
    const { handlers, deal, org, db } = setup();
    org.failNext({ method: 'POST', path: /^sobjects\/Task/, status: 400, body: [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Tasks are locked.', fields: [] }] });
    expect(await handlers['deal/acknowledge']({ deal, rubric, comment: 'x' }, fromExtension)).toMatchObject({ recorded: 'failed', problem: { kind: 'validation' } });
    expect((await listForDeal(await db(), dealKey(deal))).items).toEqual([]);
    expect(org.tasks).toEqual([]);
  });

  it('reads only Baton\'s own Tasks, newest first', async () => {
    const { handlers, deal, org, opp } = setup();
    await handlers['deal/override']({ deal, reason: 'Quarter end', findings: [], stageLabel: 'Closed Won' }, fromPage());
    await handlers['deal/acknowledge']({ deal, rubric, comment: '' }, fromExtension);
    org.tasks.push({ ...org.tasks[0]!, id: '00Tother', Subject: 'Call the customer', CreatedDate: '2099-01-01T00:00:00.000Z' });
    const read = await handlers['deal/activities']({ deal }, fromExtension);
    expect(read.ok && read.activities.map((a) => a.kind)).toEqual(['acknowledgement', 'override']);
    expect(org.tasks.filter((t) => t.WhatId === opp.id)).toHaveLength(3);
  });
});

describe('Baton’s local storage failing: the CRM writes go on without it', () => {
  const findings = [{ rule: 'missing-non-negotiable' as const, element: 'useCase' as const, severity: 'block' as const, message: 'The use case is empty.', fix: 'Write it.' }];

  it.each(['open', 'write'] as const)('save and close won reaches Salesforce when the database %s fails', async (how) => {
    const { handlers, deal, opp } = setup({ db: brokenDb(how) });
    expect(await handlers['deal/save-fields']({ deal, fields: { useCase: 'saved anyway' }, expected: { useCase: 'old' } }, fromPage())).toEqual({ outcome: 'saved' });
    expect(opp.fields[HANDOFF_FIELDS.useCase]).toBe('saved anyway');
  });

  it.each(['open', 'write'] as const)('close anyway writes its Task to Salesforce when the database %s fails, and says the local log missed it', async (how) => {
    const { handlers, deal, org, opp } = setup({ db: brokenDb(how) });
    const result = await handlers['deal/override']({ deal, reason: 'Quarter end', findings, stageLabel: 'Closed Won' }, fromPage());
    expect(result).toMatchObject({ recorded: 'crm', problem: null, storage: expect.stringContaining('Baton’s storage on this computer is not working') });
    expect(org.tasks).toMatchObject([{ WhatId: opp.id, Subject: 'Baton: handoff gate overridden (closed won anyway)' }]);
  });

  it('a passing failure that cannot be queued says it was not queued, instead of failing the message', async () => {
    const { handlers, deal, org } = setup({ db: brokenDb('write') });
    org.failNext({ method: 'PATCH', status: 503 });
    const result = await handlers['deal/save-fields']({ deal, fields: { useCase: 'later' }, expected: { useCase: 'old' } }, fromPage());
    expect(result).toMatchObject({ outcome: 'failed', queued: false, problem: { kind: 'unavailable' }, storage: expect.stringContaining('quota has been exceeded') });
  });

  it('an override the CRM did not take and Baton could not keep is reported as recorded nowhere', async () => {
    const { handlers, deal, org } = setup({ db: brokenDb('open') });
    org.apiEnabled = false;
    const result = await handlers['deal/override']({ deal, reason: 'No API, no disk', findings, stageLabel: 'Closed Won' }, fromPage());
    expect(result).toMatchObject({ recorded: 'not-queued', problem: { kind: 'api-disabled' } });
    expect(result.notice).toMatch(/^The override could not be recorded: Salesforce did not take it \(.+\) and Baton’s storage on this computer is not working/);
  });

  it('a CS acknowledgement and a review still reach the CRM with the database down', async () => {
    const { handlers, deal, org } = setup({ db: brokenDb('open') });
    expect(await handlers['deal/acknowledge']({ deal, rubric: { context: 4, promises: 4, stakeholders: 4, successCriteria: 4 }, comment: '' }, fromExtension)).toMatchObject({ recorded: 'crm' });
    const rubric = { useCase: 4, successMetric: 4, riskFlags: 4, promises: 4 };
    expect(await handlers['deal/review']({ deal, rubric, verdict: 'pass', comment: '', sample: null }, fromExtension)).toMatchObject({ recorded: 'crm' });
    expect(org.tasks).toHaveLength(2);
  });
});

describe('drafts and the audit log', () => {
  it('round-trips a draft with its base values', async () => {
    const { handlers, deal } = setup();
    expect(await handlers['draft/get']({ deal }, fromPage())).toEqual({ fields: null, baseValues: null, updatedAt: null });
    await handlers['draft/save']({ deal, fields: { useCase: 'typed' }, baseValues: { useCase: 'old' } }, fromPage());
    expect(await handlers['draft/get']({ deal }, fromPage())).toEqual({ fields: { useCase: 'typed' }, baseValues: { useCase: 'old' }, updatedAt: '2027-01-11T12:00:00.000Z' });
  });

  it('appends gate events', async () => {
    const { handlers, deal, db } = setup();
    await handlers['audit/append']({ deal, event: 'gate-blocked', findings: [{ rule: 'placeholder', element: 'useCase', severity: 'block' }] }, fromPage());
    expect((await listAudit(await db(), { limit: 5 })).items).toMatchObject([{ event: 'gate-blocked' }]);
  });
});

describe('the outbox, through outbox/retry', () => {
  it('marks a write that conflicts as failed, with the reason, for the rep to see', async () => {
    const { handlers, deal, db } = setup();
    const { enqueue } = await import('@/lib/db');
    await enqueue(await db(), { deal, kind: 'update-fields', payload: { fields: { useCase: 'y' }, expected: { useCase: 'not what is there' } } }, new Date('2027-01-11T11:00:00.000Z'));
    const result = await handlers['outbox/retry']({ deal }, fromPage());
    expect(result.items).toMatchObject([{ status: 'failed', attempts: 1, lastError: expect.stringContaining('changed in the CRM meanwhile') }]);
  });
});
