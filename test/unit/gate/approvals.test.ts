import { describe, expect, it, vi } from 'vitest';
import { emptyArtifact } from '@/lib/domain/elements';
import { APPROVAL_MS, Approvals } from '@/lib/gate/approvals';
import { DEAL, move } from './helpers';

describe('what the gate let through lately (the backstop lets the page’s own save of it go)', () => {
  it('a move is approved when it proceeds, before the page acts on it; one use', () => {
    const approvals = new Approvals(() => new Date('2027-01-11T12:00:00Z'));
    const seenByPage = vi.fn(() => approvals.takeMove(DEAL));
    const held = approvals.move(move(undefined, { proceed: seenByPage }));
    expect(approvals.takeMove(DEAL)).toBeNull();
    held.proceed();
    expect(seenByPage).toHaveReturnedWith({ confirmed: null });
    expect(approvals.takeMove(DEAL)).toBeNull();
  });

  it('keeps the handoff the rep saved in the dialog with the approval', () => {
    const approvals = new Approvals(() => new Date('2027-01-11T12:00:00Z'));
    const confirmed = { ...emptyArtifact(), useCase: 'Replace the ticketing tool' };
    approvals.move(move()).proceed(confirmed);
    expect(approvals.takeMove(DEAL)).toEqual({ confirmed });
  });

  it('an approval lapses after APPROVAL_MS', () => {
    let now = Date.parse('2027-01-11T12:00:00Z');
    const approvals = new Approvals(() => new Date(now));
    approvals.move(move()).proceed();
    now += APPROVAL_MS;
    expect(approvals.takeMove(DEAL)).toBeNull();
  });

  it('a bulk move approves each of its deals; a creation approves one creation in its org', () => {
    const approvals = new Approvals(() => new Date('2027-01-11T12:00:00Z'));
    const other = { ...DEAL, recordId: '006Hs00001otherEIAY' };
    approvals.bulk({ deals: [DEAL, other], target: { value: 'Closed Won', label: 'Closed Won' }, proceed: () => {} }).proceed();
    expect([approvals.takeMove(DEAL), approvals.takeMove(other)]).toEqual([{ confirmed: null }, { confirmed: null }]);
    const org = { crm: DEAL.crm, instance: DEAL.instance };
    approvals.create({ ...org, target: { value: 'Closed Won', label: 'Closed Won' }, fields: {}, facts: { amount: null, closeDate: null }, proceed: () => {} }).proceed();
    expect([approvals.takeCreate(org), approvals.takeCreate(org)]).toEqual([true, false]);
  });

  it('a move that is cancelled approves nothing', () => {
    const approvals = new Approvals(() => new Date('2027-01-11T12:00:00Z'));
    const abandon = vi.fn();
    approvals.move(move(undefined, { abandon })).abandon?.();
    expect(abandon).toHaveBeenCalledOnce();
    expect(approvals.takeMove(DEAL)).toBeNull();
  });
});
