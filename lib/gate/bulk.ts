/**
 * Where the gate decides a move of several deals at once (HubSpot bulk edit): each is read and
 * judged; when none blocks the move goes through, otherwise one dialog lists the deals that stop
 * it (or could not be checked: not read in time, read only off the page, a stage the CRM's list
 * does not have), with their findings and links to fix them, and the audited close-anyway for all
 * of them (override.ts). Cancel while reading abandons the move; the answers are then dropped.
 */
import { dealKey, type DealRef } from '@/lib/domain/deal';
import type { Clock } from '@/lib/domain/clock';
import type { StageOption } from '@/lib/domain/snapshot';
import type { CrmProblem } from '@/lib/domain/problem';
import type { Policy } from '@/lib/messaging/protocol';
import { recordGateEvent } from './audit';
import type { DealRead, DealReader } from './dealReader';
import type { BulkItem, CheckingDialog, DialogStore } from './dialogState';
import { evaluateHandoff } from './evaluate';
import type { HeldBulkMove, HeldMove } from './heldMove';
import type { GateServices } from './services';
import { stageLabel } from './stages';
import { beforeDeadline } from './lifetime';
import { isUnrecognisedStage, isWonOnceRead, unrecognisedStageMessage } from './verdict';

export interface BulkDeps {
  dialog: DialogStore;
  reader: Pick<DealReader, 'read'>;
  audit: GateServices['audit'];
  clock: Clock;
  /** The gate's lifetime and the check's deadline (decide.ts CHECK_DEADLINE_MS). */
  signal: AbortSignal;
  checkDeadlineMs: number;
}

type Read = { deal: DealRef; r: DealRead };

/** Every deal read, or, past the deadline, each deal not read by then said so. */
function readAll(deps: BulkDeps, deals: readonly DealRef[]): Promise<Read[]> {
  const answered = new Map<string, DealRead>();
  const reads = Promise.all(deals.map(async (deal) => {
    const r = await deps.reader.read(deal);
    answered.set(dealKey(deal), r);
    return { deal, r };
  }));
  const seconds = Math.round(deps.checkDeadlineMs / 1000);
  const late: CrmProblem = { kind: 'network', message: `Baton could not read it within ${seconds} seconds (the CRM or the browser did not answer).` };
  return beforeDeadline(deps.signal, deps.checkDeadlineMs, reads, () => deals.map((deal) => ({ deal, r: answered.get(dealKey(deal)) ?? { ok: false, problem: late } })));
}

export async function holdBulk(deps: BulkDeps, bulk: HeldBulkMove): Promise<void> {
  const { dialog } = deps;
  if (dialog.get() !== null || bulk.deals.length === 0) return;
  const first = bulk.deals[0] as DealRef;
  const asMove: HeldMove = { deal: first, target: bulk.target, amongClosedStages: false, pendingEdits: {}, proceed: bulk.proceed, ...(bulk.abandon ? { abandon: bulk.abandon } : {}) };
  const checking: CheckingDialog = { kind: 'checking', move: asMove };
  dialog.set(checking);
  const results = await readAll(deps, bulk.deals);
  if (dialog.get() !== checking) return; // cancelled while reading: the move is gone
  let stages: readonly StageOption[] | null = null;
  let policy: Policy | null = null;
  for (const { r } of results) {
    if (r.ok) {
      stages ??= r.snapshot.stages;
      policy ??= r.policy;
    }
  }
  const unrecognised = isUnrecognisedStage(asMove, stages);
  if (policy?.enforcement === 'off' || (!unrecognised && !isWonOnceRead(asMove, stages))) {
    dialog.set(null);
    bulk.proceed();
    return;
  }
  const targetLabel = stageLabel(stages, bulk.target);
  const items: BulkItem[] = [];
  let anyBlocks = false;
  for (const { deal, r } of results) {
    const problem = bulkProblem(r, unrecognised ? unrecognisedStageMessage(asMove) : null);
    if (problem) {
      items.push({ deal, name: r.ok ? r.snapshot.name || deal.recordId : deal.recordId, url: r.ok ? r.snapshot.url : null, evaluation: null, problem });
      anyBlocks = true;
      continue;
    }
    if (!r.ok) continue; // never: bulkProblem answers for every deal not read
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

/** Why a deal of a bulk move cannot be judged: not read, its stage unknown, or only read off the page. */
function bulkProblem(r: DealRead, unrecognisedStage: string | null): CrmProblem | null {
  if (!r.ok) return r.problem;
  if (unrecognisedStage !== null) return { kind: 'not-found', message: unrecognisedStage };
  if (r.snapshot.source === 'page') {
    const why = r.apiClosed?.message ?? 'The CRM’s API is closed to Baton.';
    return { kind: r.apiClosed?.kind ?? 'not-connected', message: `${why} Baton could read this deal only off the page, which the CRM does not confirm.` };
  }
  return null;
}
