/**
 * The console's row of one deal: the CRM's data with the handoff scored by the rules in force,
 * what blocks, Baton's own activities summarised (overrides and their reasons, CS
 * acknowledgement and rating, reviews). An acknowledgement or review counts only when its author
 * fits (lib/domain/authorship.ts); every record stays listed with who wrote it and, when it does
 * not count, why.
 */
import { NON_NEGOTIABLES, type ElementKey } from '@/lib/domain/elements';
import { dealKey, type Crm } from '@/lib/domain/deal';
import { dealHeader, type DealHeader } from '@/lib/domain/header';
import { CRM_LABELS } from '@/lib/crms';
import type { TeamDeal } from '@/lib/domain/team';
import type { RulesConfig } from '@/lib/rules/config';
import type { Evaluation } from '@/lib/rules/types';
import { evaluateRaw } from '@/lib/rules';
import { dealContext } from '@/lib/rules/context';
import type { BatonActivity } from '@/lib/domain/activity';
import { judgeRecord, type AuditPolicy, type NotCounted } from '@/lib/domain/authorship';

/** One of Baton's records on the deal, with why it does not count (null: it counts). */
export interface ConsoleRecord {
  activity: BatonActivity;
  notCounted: NotCounted | null;
}

/** The deal's header (the owner always named: UNASSIGNED when it has none), scored. */
export interface ConsoleRow extends Omit<DealHeader, 'owner'> {
  key: string;
  crm: Crm;
  /** "Salesforce acme", "HubSpot 12345". */
  source: string;
  owner: string;
  status: 'won' | 'open';
  score: number;
  /** Non-negotiables that are empty or do not pass (a blocking finding). */
  missing: ElementKey[];
  findings: number;
  /** Any element is placeholder text ("TBD", "n/a", keyboard mash). */
  placeholder: boolean;
  /** Overrides, deleted ones included: the deal was closed anyway either way. */
  overrides: number;
  overrideReasons: string[];
  /** Acknowledged by someone whose acknowledgement counts. */
  acknowledged: boolean;
  /** The CSM's rating: the mapped field, else the latest acknowledgement's. */
  csmRating: number | null;
  reviewed: boolean;
  /** Every Baton record on the deal, newest first, each with whether it counts. */
  records: ConsoleRecord[];
  /** Acknowledgements and reviews that do not count (wrong author, deleted). */
  notCounted: number;
  team: TeamDeal;
  evaluation: Evaluation;
}

export const UNASSIGNED = 'Unassigned';

/** "Reason given: …" in an override Task / note Baton wrote. */
export function overrideReason(body: string): string | null {
  const m = /^Reason given: (.+)$/m.exec(body);
  return m?.[1]?.trim() || null;
}

/** `today` is YYYY-MM-DD, by lib/domain/clock.ts's rule (the rep's local day). */
export function toConsoleRow(team: TeamDeal, rules: RulesConfig, today: string, reviewedLocally: ReadonlySet<string>, audit: AuditPolicy): ConsoleRow {
  const evaluation = evaluateRaw(team.artifact, dealContext(team, team.stage.label, today), rules);
  const blocked = new Set(evaluation.findings.filter((f) => f.severity === 'block').map((f) => f.element));
  const records = team.activities.map((activity): ConsoleRecord => {
    const verdict = judgeRecord(activity, team.ownerId, audit);
    return { activity, notCounted: verdict.counts ? null : verdict.reason };
  });
  const counted = records.filter((r) => r.notCounted === null).map((r) => r.activity);
  const overrides = counted.filter((a) => a.kind === 'override');
  const acks = counted.filter((a) => a.kind === 'acknowledgement');
  const key = dealKey(team.deal);
  return {
    ...dealHeader(team),
    key,
    crm: team.deal.crm,
    source: `${CRM_LABELS[team.deal.crm]} ${team.deal.instance}`,
    owner: team.owner ?? UNASSIGNED,
    status: team.status,
    score: evaluation.score,
    missing: NON_NEGOTIABLES.filter((k) => team.artifact[k].trim() === '' || blocked.has(k)),
    findings: evaluation.findings.length,
    placeholder: evaluation.findings.some((f) => f.rule === 'placeholder'),
    overrides: overrides.length,
    overrideReasons: overrides.flatMap((o) => overrideReason(o.body) ?? []),
    acknowledged: acks.length > 0,
    csmRating: team.csmRating ?? acks.find((a) => a.rating !== null)?.rating ?? null,
    reviewed: reviewedLocally.has(key) || counted.some((a) => a.kind === 'review'),
    records,
    notCounted: records.filter((r) => r.notCounted !== null).length,
    team,
    evaluation,
  };
}
