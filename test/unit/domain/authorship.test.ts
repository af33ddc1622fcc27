import { describe, expect, it } from 'vitest';
import { ACTIVITY_SUBJECTS, type ActivityAuthor, type BatonActivity } from '@/lib/domain/activity';
import { AuditPolicy, defaultAuditPolicy, judgeRecord, sameUserId } from '@/lib/domain/authorship';
import type { TeamDeal } from '@/lib/domain/team';
import { emptyArtifact } from '@/lib/domain/elements';
import { defaultRulesConfig } from '@/lib/rules/config';
import { toConsoleRow } from '@/lib/console/rows';
import { recordLine } from '@/lib/console/records';
import { GOOD_HANDOFF } from '@/test/fixtures/handoffs';

const OWNER: ActivityAuthor = { id: '005Hs000001xyzAIAQ', name: 'Grace Hopper', email: 'grace@acme.example', groups: ['Account Executive', 'Standard User'] };
const CSM: ActivityAuthor = { id: '005Hs000003CsmAIAQ', name: 'Casey Success', email: 'casey@acme.example', groups: ['Customer Success', 'CS User'] };
const MANAGER: ActivityAuthor = { id: '005Hs000002MgrAIAQ', name: 'Dana Manager', email: 'dana@acme.example', groups: ['Sales Manager', 'Standard User'] };
const OTHER_AE: ActivityAuthor = { id: '005Hs0000U00007AAA', name: 'Alan Turing', email: 'alan@acme.example', groups: ['Account Executive', 'Standard User'] };

const record = (kind: BatonActivity['kind'], author: ActivityAuthor | null, deleted: BatonActivity['deleted'] = null): BatonActivity => ({
  kind,
  at: '2026-11-20T10:00:00.000Z',
  author,
  deleted,
  subject: kind === 'acknowledgement' ? `${ACTIVITY_SUBJECTS.acknowledgement} (5/5)` : kind === 'review' ? `${ACTIVITY_SUBJECTS.review}: Pass (5/5)` : ACTIVITY_SUBJECTS.override,
  body: kind === 'override' ? 'Reason given: signed early' : 'Rating: 5/5',
  rating: kind === 'override' ? null : 5,
});

const policy = (over: Partial<AuditPolicy> = {}): AuditPolicy => ({ ...defaultAuditPolicy(), ...over });

describe('which acknowledgements count', () => {
  it('not one the deal owner wrote (a forged "acknowledged by CS" subject proves nothing)', () => {
    expect(judgeRecord(record('acknowledgement', OWNER), OWNER.id, policy())).toEqual({ counts: false, reason: 'deal-owner' });
    expect(judgeRecord(record('acknowledgement', CSM), OWNER.id, policy())).toEqual({ counts: true });
  });

  it('with CS users named, only theirs: by email (any case), by User Id (15 or 18 characters)', () => {
    expect(judgeRecord(record('acknowledgement', OTHER_AE), OWNER.id, policy({ csUsers: ['casey@acme.example'] }))).toEqual({ counts: false, reason: 'not-cs' });
    expect(judgeRecord(record('acknowledgement', CSM), OWNER.id, policy({ csUsers: ['CASEY@acme.example'] }))).toEqual({ counts: true });
    expect(judgeRecord(record('acknowledgement', CSM), OWNER.id, policy({ csUsers: ['005Hs000003CsmA'] }))).toEqual({ counts: true });
  });

  it('with a role, profile or team named, only its members', () => {
    expect(judgeRecord(record('acknowledgement', CSM), OWNER.id, policy({ csGroups: ['customer success'] }))).toEqual({ counts: true });
    expect(judgeRecord(record('acknowledgement', MANAGER), OWNER.id, policy({ csGroups: ['Customer Success'] }))).toEqual({ counts: false, reason: 'not-cs' });
  });

  it('not when the CRM does not say who wrote it, nor when it was deleted', () => {
    expect(judgeRecord(record('acknowledgement', null), OWNER.id, policy())).toEqual({ counts: false, reason: 'author-unknown' });
    expect(judgeRecord(record('acknowledgement', CSM, { at: null, by: null }), OWNER.id, policy())).toEqual({ counts: false, reason: 'deleted' });
  });

  it('from anyone on a deal without an owner', () => {
    expect(judgeRecord(record('acknowledgement', OTHER_AE), null, policy())).toEqual({ counts: true });
  });
});

describe('which reviews count', () => {
  it('with reviewers named, only theirs', () => {
    expect(judgeRecord(record('review', OTHER_AE), OWNER.id, policy({ reviewers: ['dana@acme.example'] }))).toEqual({ counts: false, reason: 'not-reviewer' });
    expect(judgeRecord(record('review', MANAGER), OWNER.id, policy({ reviewers: ['dana@acme.example'] }))).toEqual({ counts: true });
    expect(judgeRecord(record('review', MANAGER), OWNER.id, policy({ reviewerGroups: ['Sales Manager'] }))).toEqual({ counts: true });
  });

  it('with none named, anyone but the deal owner; never the owner reviewing their own deal', () => {
    expect(judgeRecord(record('review', OTHER_AE), OWNER.id, policy())).toEqual({ counts: true });
    expect(judgeRecord(record('review', OWNER), OWNER.id, policy())).toEqual({ counts: false, reason: 'deal-owner' });
    expect(judgeRecord(record('review', OWNER), OWNER.id, policy({ reviewers: ['005Hs000001xyzAIAQ'] }))).toEqual({ counts: false, reason: 'deal-owner' });
  });

  it('a CS user named for acknowledgements is no reviewer', () => {
    expect(judgeRecord(record('review', CSM), OWNER.id, policy({ csUsers: ['casey@acme.example'], reviewers: ['dana@acme.example'] }))).toEqual({ counts: false, reason: 'not-reviewer' });
  });
});

describe('overrides', () => {
  it('always count, whoever wrote them and deleted or not: the deal was closed anyway', () => {
    expect(judgeRecord(record('override', OWNER), OWNER.id, policy({ csUsers: ['casey@acme.example'] }))).toEqual({ counts: true });
    expect(judgeRecord(record('override', OWNER, { at: '2026-11-21T00:00:00Z', by: 'Grace Hopper' }), OWNER.id, policy())).toEqual({ counts: true });
  });
});

describe('user ids', () => {
  it('match a 15-character Salesforce id to its 18-character form, and nothing else loosely', () => {
    expect(sameUserId('005Hs000001xyzA', '005Hs000001xyzAIAQ')).toBe(true);
    expect(sameUserId('005Hs000001XYZA', '005Hs000001xyzAIAQ')).toBe(false);
    expect(sameUserId('71234567', '71234567')).toBe(true);
    expect(sameUserId('7123456', '71234567')).toBe(false);
  });
});

describe('the audit settings', () => {
  it('accept emails and CRM user ids, and refuse anything else, empty entries and duplicates', () => {
    expect(AuditPolicy.safeParse(policy({ csUsers: ['casey@acme.example', '005Hs000003CsmAIAQ', '71234590'], csGroups: ['Customer Success'] })).success).toBe(true);
    expect(AuditPolicy.safeParse(policy({ csUsers: ['Casey Success'] })).success).toBe(false);
    expect(AuditPolicy.safeParse(policy({ csGroups: [' '] })).success).toBe(false);
    expect(AuditPolicy.safeParse(policy({ reviewers: ['dana@acme.example', 'DANA@acme.example'] })).success).toBe(false);
  });
});

function teamDeal(activities: BatonActivity[]): TeamDeal {
  return {
    deal: { crm: 'salesforce', instance: 'acme', recordId: '006SEED00000000001' },
    url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006SEED00000000001/view',
    name: 'Acme renewal',
    owner: OWNER.name,
    ownerId: OWNER.id,
    account: 'Acme',
    amount: 1000,
    currency: null,
    closeDate: '2026-11-20',
    stage: { value: 'Closed Won', label: 'Closed Won' },
    status: 'won',
    artifact: { ...emptyArtifact(), ...GOOD_HANDOFF },
    activities,
    csmRating: null,
  };
}

describe('the console row', () => {
  const row = (activities: BatonActivity[], audit = policy()) => toConsoleRow(teamDeal(activities), defaultRulesConfig(), '2026-12-01', new Set(), audit);

  it('does not count an acknowledgement the deal owner wrote, nor its rating, and lists it marked', () => {
    const r = row([record('acknowledgement', OWNER)]);
    expect(r).toMatchObject({ acknowledged: false, csmRating: null, notCounted: 1 });
    expect(recordLine(r.records[0]!, 'Salesforce')).toEqual({
      text: 'CS acknowledgement, 2026-11-20, by Grace Hopper (grace@acme.example): Baton: handoff acknowledged by CS (5/5)',
      marks: ['written by the deal owner — not counted'],
    });
  });

  it('does not count an acknowledgement from outside the named CS users', () => {
    const r = row([record('acknowledgement', MANAGER)], policy({ csUsers: ['casey@acme.example'] }));
    expect(r.acknowledged).toBe(false);
    expect(recordLine(r.records[0]!, 'Salesforce').marks).toEqual(['not from a named CS user — not counted']);
    expect(row([record('acknowledgement', CSM)], policy({ csUsers: ['casey@acme.example'] })).acknowledged).toBe(true);
  });

  it('does not count a review from someone who is not a named reviewer', () => {
    expect(row([record('review', OTHER_AE)], policy({ reviewers: ['dana@acme.example'] })).reviewed).toBe(false);
    expect(row([record('review', MANAGER)], policy({ reviewers: ['dana@acme.example'] })).reviewed).toBe(true);
  });

  it('counts a deleted override and says who deleted it, or that the CRM does not say', () => {
    const r = row([record('override', OWNER, { at: '2026-11-22T09:00:00.000Z', by: 'Grace Hopper' })]);
    expect(r).toMatchObject({ overrides: 1, overrideReasons: ['signed early'], notCounted: 0 });
    expect(recordLine(r.records[0]!, 'Salesforce').marks).toEqual(['deleted by Grace Hopper on 2026-11-22']);
    expect(recordLine({ activity: record('override', OWNER, { at: null, by: null }), notCounted: null }, 'HubSpot').marks).toEqual(['deleted (HubSpot does not say by whom)']);
  });
});
