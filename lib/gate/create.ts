/**
 * A deal created directly in a won stage (Salesforce's New form, HubSpot's create-deal dialog):
 * there is no record to read yet, so the gate judges what the rep typed into the CRM's own form.
 * When that handoff blocks, the dialog lists what is missing and sends the rep back to the form;
 * a field the form does not show cannot be filled there, and the dialog says to create the deal in
 * an open stage, fill its handoff, then close it won. Warn mode lets the creation go on.
 *
 * There is no close-anyway here: an override is recorded on the deal, and this deal does not exist
 * until the CRM creates it. If the stage list cannot be read, the creation is held and the dialog
 * says why, with Try again.
 */
import type { Clock } from '@/lib/domain/clock';
import { todayOf } from '@/lib/domain/clock';
import type { Crm } from '@/lib/domain/deal';
import { ELEMENT_KEYS, emptyArtifact, type RawArtifact } from '@/lib/domain/elements';
import type { CrmProblem } from '@/lib/domain/problem';
import type { StageOption } from '@/lib/domain/snapshot';
import { evaluateRaw } from '@/lib/rules';
import type { RulesConfig } from '@/lib/rules/config';
import { dealContext } from '@/lib/rules/context';
import type { EnforcementMode } from '@/lib/settings/schema';
import type { DialogStore } from './dialogState';
import type { HeldCreate } from './heldMove';
import type { StagesResult } from './services';
import { stageLabel, wonVerdict, type StageTarget } from './stages';

export interface CreateDeps {
  dialog: DialogStore;
  /** The org's stages as known now (from an earlier read), without asking. */
  knownStages(org: { crm: Crm; instance: string }): StageOption[] | null;
  /** The org's stages and the policy in force, asked fresh. */
  stages(org: { crm: Crm; instance: string }): Promise<StagesResult>;
  clock: Clock;
}

/** At the moment of the click: must the creation be held? Only a known non-won stage is not. */
export function shouldHoldCreate(deps: Pick<CreateDeps, 'dialog' | 'knownStages'>, create: HeldCreate): boolean {
  if (deps.dialog.get() !== null) return true;
  return wonVerdict(deps.knownStages(create), create.target) !== 'not-won';
}

/** What the create form's handoff needs before the deal may be created won, under `mode`. */
export function judgeCreate(create: HeldCreate, stages: readonly StageOption[], mode: EnforcementMode, rules: RulesConfig, clock: Clock) {
  const targetLabel = stageLabel(stages, create.target);
  const fields: RawArtifact = { ...emptyArtifact(), ...create.fields };
  const evaluation = evaluateRaw(fields, dealContext(create.facts, targetLabel, todayOf(clock)), rules);
  // Only what blocks matters: a missing optional field the form does not show is no reason to send the rep away.
  const absent = ELEMENT_KEYS.filter((key) => create.fields[key] === undefined && evaluation.findings.some((f) => f.element === key && f.severity === 'block'));
  const decision: 'pass' | 'block' | 'warn' = mode === 'off' || !evaluation.blocks ? 'pass' : mode === 'warn' ? 'warn' : 'block';
  return { targetLabel, evaluation, absent, decision };
}

/** Judges a held creation: lets it through, or opens the dialog. */
export async function holdCreate(deps: CreateDeps, create: HeldCreate): Promise<void> {
  const { dialog } = deps;
  if (dialog.get() !== null) return;
  const base = { kind: 'create' as const, create, absent: [], busy: false, note: null, overriding: false as const, reason: '' as const };
  dialog.set({ ...base, mode: 'block', targetLabel: stageLabel(deps.knownStages(create), create.target), evaluation: null, problem: null });
  let result: StagesResult | { ok: false; problem: CrmProblem };
  try {
    result = await deps.stages(create);
  } catch (error) {
    result = { ok: false, problem: { kind: 'network', message: `Baton’s background did not answer (${(error as Error).message}).` } };
  }
  const now = dialog.get();
  if (now?.kind !== 'create' || now.create !== create) return; // cancelled while checking
  if (!result.ok) {
    dialog.set({ ...base, mode: 'block', targetLabel: stageLabel(null, create.target), evaluation: null, problem: result.problem });
    return;
  }
  if (wonVerdict(result.stages, create.target) === 'not-won') {
    dialog.set(null);
    create.proceed();
    return;
  }
  const judged = judgeCreate(create, result.stages, result.policy.enforcement, result.policy.rules, deps.clock);
  if (judged.decision === 'pass') {
    dialog.set(null);
    create.proceed();
    return;
  }
  dialog.set({ ...base, mode: judged.decision, targetLabel: judged.targetLabel, evaluation: judged.evaluation, absent: judged.absent, problem: null });
}

/** "Try again" after the stages could not be read. */
export async function retryCreate(deps: CreateDeps): Promise<void> {
  const d = deps.dialog.get();
  if (d?.kind !== 'create' || d.problem === null) return;
  deps.dialog.set(null);
  await holdCreate(deps, d.create);
}

/** Warn mode: create it anyway. */
export function continueCreate(dialog: DialogStore): void {
  const d = dialog.get();
  if (d?.kind !== 'create' || d.mode !== 'warn' || d.evaluation === null) return;
  dialog.set(null);
  d.create.proceed();
}

/** Back to the CRM's form: the creation does not happen. */
export function cancelCreate(dialog: DialogStore): void {
  const d = dialog.get();
  if (d?.kind !== 'create') return;
  dialog.set(null);
  d.create.abandon?.();
}
