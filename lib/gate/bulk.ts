/**
 * Where the gate decides a move of several deals at once (HubSpot bulk edit): each is read and
 * judged; when none blocks the move goes through, otherwise one dialog lists the deals that stop
 * it (or could not be checked), with their findings and links to fix them, and the audited
 * close-anyway for all of them (override.ts).
 */
import type { DealRef } from '@/lib/domain/deal';
import type { Clock } from '@/lib/domain/clock';
import type { StageOption } from '@/lib/domain/snapshot';
import type { Policy } from '@/lib/messaging/protocol';
import { recordGateEvent } from './audit';
import type { DealReader } from './dealReader';
import type { BulkItem, DialogStore } from './dialogState';
import { evaluateHandoff } from './evaluate';
import type { HeldBulkMove, HeldMove } from './heldMove';
import type { GateServices } from './services';
import { stageLabel } from './stages';
import { isWonOnceRead } from './verdict';

export interface BulkDeps {
  dialog: DialogStore;
  reader: Pick<DealReader, 'read'>;
  audit: GateServices['audit'];
  clock: Clock;
}

export async function holdBulk(deps: BulkDeps, bulk: HeldBulkMove): Promise<void> {
  const { dialog } = deps;
  if (dialog.get() !== null || bulk.deals.length === 0) return;
  const first = bulk.deals[0] as DealRef;
  const asMove: HeldMove = { deal: first, target: bulk.target, amongClosedStages: false, pendingEdits: {}, proceed: bulk.proceed, ...(bulk.abandon ? { abandon: bulk.abandon } : {}) };
  dialog.set({ kind: 'checking', move: asMove });
  const results = await Promise.all(bulk.deals.map((deal) => deps.reader.read(deal).then((r) => ({ deal, r }))));
  let stages: readonly StageOption[] | null = null;
  let policy: Policy | null = null;
  for (const { r } of results) {
    if (r.ok) {
      stages ??= r.snapshot.stages;
      policy ??= r.policy;
    }
  }
  if (!isWonOnceRead(asMove, stages) || policy?.enforcement === 'off') {
    dialog.set(null);
    bulk.proceed();
    return;
  }
  const targetLabel = stageLabel(stages, bulk.target);
  const items: BulkItem[] = [];
  let anyBlocks = false;
  for (const { deal, r } of results) {
    if (!r.ok) {
      items.push({ deal, name: deal.recordId, url: null, evaluation: null, problem: r.problem });
      anyBlocks = true;
      continue;
    }
    const evaluation = evaluateHandoff(r.snapshot.artifact, r.snapshot, targetLabel, r.policy.rules, deps.clock);
    if (evaluation.blocks) {
      items.push({ deal, name: r.snapshot.name, url: r.snapshot.url, evaluation, problem: null });
      anyBlocks = true;
    } else {
      void recordGateEvent(deps.audit, deal, 'gate-passed', evaluation);
    }
  }
  if (!anyBlocks) {
    dialog.set(null);
    bulk.proceed();
    return;
  }
  const mode = policy?.enforcement === 'warn' ? 'warn' : 'block';
  for (const item of items) void recordGateEvent(deps.audit, item.deal, mode === 'block' ? 'gate-blocked' : 'warned', item.evaluation);
  dialog.set({ kind: 'bulk', move: asMove, bulk, mode, items, total: bulk.deals.length, targetLabel, busy: false, note: null, overriding: false, reason: '' });
}
