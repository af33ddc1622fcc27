import type { RawArtifact } from '@/lib/domain/elements';
import type { DealSnapshot } from '@/lib/domain/snapshot';
import { todayOf, type Clock } from '@/lib/domain/clock';
import { evaluateRaw } from '@/lib/rules';
import type { RulesConfig } from '@/lib/rules/config';
import { dealContext } from '@/lib/rules/context';
import type { Evaluation } from '@/lib/rules/types';

/** The rules' judgement of `fields` as the handoff of `snapshot`'s deal in `stage` (a label), today by `clock`. */
export function evaluateHandoff(fields: RawArtifact, snapshot: DealSnapshot, stage: string, rules: RulesConfig, clock: Clock): Evaluation {
  return evaluateRaw(fields, dealContext(snapshot, stage, todayOf(clock)), rules);
}
