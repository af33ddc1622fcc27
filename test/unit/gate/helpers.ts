import { vi } from 'vitest';
import type { DealRef } from '@/lib/domain/deal';
import { emptyArtifact, type RawArtifact } from '@/lib/domain/elements';
import type { DealSnapshot, StageOption } from '@/lib/domain/snapshot';
import type { HeldMove } from '@/lib/gate/heldMove';
import type { GateServices } from '@/lib/gate/services';
import type { Policy } from '@/lib/messaging/protocol';
import { defaultRulesConfig } from '@/lib/rules/config';
import { GOOD_HANDOFF } from '@/test/fixtures/handoffs';

export const DEAL: DealRef = { crm: 'salesforce', instance: 'acme', recordId: '006Hs00001abcDEIAY' };

export const STAGES: StageOption[] = [
  { value: 'Negotiation/Review', label: 'Negotiation/Review', closed: false, won: false },
  { value: 'Closed Won', label: 'Closed Won', closed: true, won: true },
  { value: 'Closed Lost', label: 'Closed Lost', closed: true, won: false },
];

export const POLICY: Policy = { enforcement: 'enforce', rules: defaultRulesConfig() };

export function snapshotOf(artifact: Partial<RawArtifact> = {}, extra: Partial<DealSnapshot> = {}): DealSnapshot {
  return {
    deal: DEAL,
    url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001abcDEIAY/view',
    name: 'Acme renewal',
    stage: { value: 'Negotiation/Review', label: 'Negotiation/Review' },
    amount: 50_000,
    currency: 'USD',
    closeDate: '2027-01-15',
    owner: 'Grace Hopper',
    account: 'Acme',
    pipeline: null,
    stages: STAGES,
    artifact: { ...emptyArtifact(), ...artifact },
    fieldIssues: [],
    source: 'api',
    writable: true,
    notice: null,
    version: '2027-01-04T09:30:00.000Z',
    fetchedAt: '2027-01-10T10:00:00.000Z',
    ...extra,
  };
}

export const GOOD_SNAPSHOT = () => snapshotOf({ ...GOOD_HANDOFF });

export function fakeServices(snapshot: DealSnapshot = snapshotOf(), policy: Policy = POLICY) {
  return {
    snapshot: vi.fn<GateServices['snapshot']>(async () => ({ ok: true, snapshot, policy })),
    stages: vi.fn<GateServices['stages']>(async () => ({ ok: true, stages: STAGES, policy })),
    saveFields: vi.fn<GateServices['saveFields']>(async () => ({ outcome: 'saved' })),
    override: vi.fn<GateServices['override']>(async () => ({ recorded: 'crm', problem: null })),
    audit: vi.fn<GateServices['audit']>(async () => {}),
    draftGet: vi.fn<GateServices['draftGet']>(async () => ({ fields: null, baseValues: null, updatedAt: null })),
    draftSave: vi.fn<GateServices['draftSave']>(async () => {}),
    outbox: vi.fn<GateServices['outbox']>(async () => []),
    retryOutbox: vi.fn<GateServices['retryOutbox']>(async () => []),
  } satisfies GateServices;
}

export function move(target: HeldMove['target'] = { value: 'Closed Won', label: 'Closed Won' }, extra: Partial<HeldMove> = {}): HeldMove & { proceed: ReturnType<typeof vi.fn> } {
  return { deal: DEAL, target, amongClosedStages: false, pendingEdits: {}, proceed: vi.fn(), ...extra } as HeldMove & { proceed: ReturnType<typeof vi.fn> };
}

export const NOW = () => new Date('2027-01-11T12:00:00Z');
