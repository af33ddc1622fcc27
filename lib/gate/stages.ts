/**
 * Is a stage a won stage? Only the CRM knows (Salesforce OpportunityStage.IsWon, HubSpot pipeline
 * metadata); the page shows values and translated labels. These helpers map what the page shows to
 * the CRM's stage list, and answer "unknown" when the list is not known, so the gate can hold the
 * move and look, instead of letting it through on a guess.
 */
import type { StageOption } from '@/lib/domain/snapshot';
import { cleanText } from '@/lib/domain/text';

export interface StageTarget {
  /** The API value when the page exposes it (data-name, data-value, option value). */
  value: string | null;
  /** What the user sees: the label, translated. */
  label: string;
}

export type WonVerdict = 'won' | 'not-won' | 'unknown';

/** Label comparison that ignores case, spacing, zero-width characters and a trailing "(12)" count. */
export function normalizeLabel(label: string): string {
  return cleanText(label)
    .replace(/\(\s*\d[\d.,]*\s*\)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The CRM stage the page's target is, by value first, then by label; null when none matches. */
export function findStage(stages: readonly StageOption[], target: StageTarget): StageOption | null {
  if (target.value !== null) {
    const byValue = stages.find((s) => s.value === target.value);
    if (byValue) return byValue;
  }
  const label = normalizeLabel(target.label);
  if (label === '') return null;
  return stages.find((s) => normalizeLabel(s.label) === label) ?? stages.find((s) => normalizeLabel(s.value) === label) ?? null;
}

export function wonVerdict(stages: readonly StageOption[] | null, target: StageTarget): WonVerdict {
  if (stages === null) return 'unknown';
  const stage = findStage(stages, target);
  if (stage === null) return 'unknown';
  return stage.won ? 'won' : 'not-won';
}

/** The stage's label as the user knows it, for messages ("Closed Won"). */
export function stageLabel(stages: readonly StageOption[] | null, target: StageTarget): string {
  const stage = stages === null ? null : findStage(stages, target);
  return stage?.label ?? (target.label || target.value || 'a closed stage');
}
