/**
 * What the gate makes of a page save the page-world script held (backstop.ts): the deals it moves
 * and to which stage, with the handoff fields the same request writes (so a save that fills the
 * handoff and moves to won is judged on the new text), the deals it creates in a stage, or a save
 * Baton could not read. Pure.
 */
import type { DealRef } from '@/lib/domain/deal';
import { ELEMENT_KEYS, type ElementKey, type RawArtifact } from '@/lib/domain/elements';
import type { DealFacts } from '@/lib/rules/context';
import type { StageTarget } from '@/lib/gate/stages';
import type { SaveFieldNames } from './saveParsing';
import type { HeldReading, PageSave, SaveRewrite } from './saveWire';

/** The mapped CRM field of each handoff element. */
export type HandoffFields = Readonly<Record<ElementKey, string>>;

export interface PlannedMove {
  deal: DealRef;
  target: StageTarget;
  pendingEdits: Partial<RawArtifact>;
  /** The save itself: the record as it names it, and what it writes. */
  save: PageSave;
}

export interface PlannedCreate {
  target: StageTarget;
  /** The handoff elements the request writes (an element it does not write is absent). */
  fields: Partial<RawArtifact>;
  facts: DealFacts;
}

export type SavePlan =
  | { kind: 'saves'; moves: PlannedMove[]; creates: PlannedCreate[] }
  | { kind: 'unreadable'; why: string; deal: DealRef | null };

export interface PlanContext {
  /** The org or portal of the page; null when the URL does not say. */
  instance: string | null;
  dealOf(instance: string, recordId: string): DealRef | null;
  fields: SaveFieldNames;
  /** The field mapping, once read; without it no handoff field is read off the save. */
  mapping: HandoffFields | null;
}

/** A field's value by API name, ignoring case (Salesforce's API names are case-insensitive). */
function field(save: PageSave, name: string): string | null | undefined {
  if (name in save.fields) return save.fields[name];
  const lower = name.toLowerCase();
  const key = Object.keys(save.fields).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : save.fields[key];
}

/** The handoff elements a save writes, by the mapping. */
export function handoffOf(save: PageSave, mapping: HandoffFields | null): Partial<RawArtifact> {
  const out: Partial<RawArtifact> = {};
  if (mapping === null) return out;
  for (const element of ELEMENT_KEYS) {
    const value = field(save, mapping[element]);
    if (value !== undefined) out[element] = value ?? '';
  }
  return out;
}

function factsOf(save: PageSave, names: SaveFieldNames): DealFacts {
  const amount = Number(field(save, names.amount) ?? Number.NaN);
  const closeDate = /^\d{4}-\d{2}-\d{2}/.exec(field(save, names.closeDate) ?? '')?.[0] ?? null;
  const pipeline = field(save, names.pipeline);
  return { amount: Number.isFinite(amount) ? amount : null, closeDate, pipeline: pipeline ? { id: pipeline } : null };
}

/** The moves and creations a held save asks the gate about. */
export function planSave(reading: HeldReading, context: PlanContext): SavePlan {
  const { instance } = context;
  if (reading.kind === 'unreadable') {
    const deal = instance !== null && reading.recordId !== null ? context.dealOf(instance, reading.recordId) : null;
    return { kind: 'unreadable', why: reading.why, deal };
  }
  if (instance === null) return { kind: 'unreadable', why: 'Baton could not tell which org this page belongs to.', deal: null };
  const moves: PlannedMove[] = [];
  const creates: PlannedCreate[] = [];
  for (const save of reading.saves) {
    const target = { value: save.stage, label: save.stage };
    if (save.recordId === null) {
      creates.push({ target, fields: handoffOf(save, context.mapping), facts: factsOf(save, context.fields) });
      continue;
    }
    const deal = context.dealOf(instance, save.recordId);
    if (deal === null) return { kind: 'unreadable', why: `Baton could not read the record id “${save.recordId.slice(0, 40)}”.`, deal: null };
    moves.push({ deal, target, pendingEdits: handoffOf(save, context.mapping), save });
  }
  return { kind: 'saves', moves, creates };
}

/**
 * What the page's save must write instead of its own text, once the rep saved the handoff in
 * Baton's dialog (`confirmed`): each handoff field the save writes with other text. Null when
 * there is nothing to change.
 */
export function rewriteFor(move: PlannedMove, confirmed: RawArtifact | null, mapping: HandoffFields | null): SaveRewrite | null {
  if (confirmed === null || mapping === null || move.save.recordId === null) return null;
  const fields: Record<string, string> = {};
  for (const element of ELEMENT_KEYS) {
    const written = field(move.save, mapping[element]);
    if (written !== undefined && (written ?? '') !== confirmed[element]) fields[mapping[element]] = confirmed[element];
  }
  return Object.keys(fields).length > 0 ? { recordId: move.save.recordId, fields } : null;
}
