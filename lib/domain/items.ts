import { z } from '@/lib/zod';

/**
 * Schemas of the list-shaped elements as Baton understands them after parsing the
 * line-per-item text formats. The formats themselves are documented in README.md#text-formats.
 */

/** ISO calendar date, YYYY-MM-DD. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export type IsoDate = z.infer<typeof IsoDate>;

/** A line the parser could not understand: kept verbatim so nothing the rep wrote is lost. */
export const UnparsedLine = z.object({
  line: z.number().int().min(1), // 1-based line number within the element's text
  text: z.string(),
  reason: z.string(), // plain words: what Baton expected on that line
});
export type UnparsedLine = z.infer<typeof UnparsedLine>;

// ---- risk flags -------------------------------------------------------------

export const RiskSeverity = z.enum(['high', 'medium', 'low']);
export type RiskSeverity = z.infer<typeof RiskSeverity>;

export const RiskFlag = z.object({
  text: z.string().min(1),
  severity: RiskSeverity.nullable(),
});
export type RiskFlag = z.infer<typeof RiskFlag>;

/** The explicit "no known risks" form: who confirmed it and when. */
export const NoRisksConfirmation = z.object({
  confirmedBy: z.string().min(1),
  confirmedOn: IsoDate,
});
export type NoRisksConfirmation = z.infer<typeof NoRisksConfirmation>;

export const ParsedRiskFlags = z.object({
  flags: z.array(RiskFlag),
  noRisksConfirmation: NoRisksConfirmation.nullable(),
  /** A bare "none" / "no risks" / "n/a" line without the confirmation form. */
  unconfirmedNone: z.boolean(),
  unparsed: z.array(UnparsedLine),
});
export type ParsedRiskFlags = z.infer<typeof ParsedRiskFlags>;

// ---- promises ---------------------------------------------------------------

export const CERTAINTY_TIERS = ['committed', 'planned', 'exploring', 'verbal'] as const;
export const CertaintyTier = z.enum(CERTAINTY_TIERS);
export type CertaintyTier = z.infer<typeof CertaintyTier>;

export const CERTAINTY_LABELS: Record<CertaintyTier, string> = {
  committed: 'Committed',
  planned: 'Planned',
  exploring: 'Exploring',
  verbal: 'Unconfirmed verbal',
};

export const HandoffPromise = z.object({
  text: z.string().min(1),
  /** null when the line carries no tier: the rules treat it as unconfirmed. */
  tier: CertaintyTier.nullable(),
  owner: z.string().min(1).nullable(),
  due: IsoDate.nullable(),
  signOff: z.string().min(1).nullable(),
  promisedBy: z.string().min(1).nullable(),
  promisedOn: IsoDate.nullable(),
});
export type HandoffPromise = z.infer<typeof HandoffPromise>;

export const ParsedPromises = z.object({
  promises: z.array(HandoffPromise),
  unparsed: z.array(UnparsedLine),
});
export type ParsedPromises = z.infer<typeof ParsedPromises>;

// ---- stakeholders -----------------------------------------------------------

export const STAKEHOLDER_ROLES = [
  'champion',
  'economic buyer',
  'executive sponsor',
  'technical owner',
  'admin',
  'end user',
  'other',
] as const;
export const StakeholderRole = z.enum(STAKEHOLDER_ROLES);
export type StakeholderRole = z.infer<typeof StakeholderRole>;

export const Stakeholder = z.object({
  name: z.string().min(1),
  role: StakeholderRole.nullable(),
  email: z.string().min(1).nullable(),
  note: z.string().min(1).nullable(),
});
export type Stakeholder = z.infer<typeof Stakeholder>;

export const ParsedStakeholders = z.object({
  stakeholders: z.array(Stakeholder),
  unparsed: z.array(UnparsedLine),
});
export type ParsedStakeholders = z.infer<typeof ParsedStakeholders>;

// ---- timeline ---------------------------------------------------------------

export const MilestoneWhen = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('days'), days: z.number().int().min(1).max(3650) }),
  z.object({ kind: z.literal('date'), date: IsoDate }),
]);
export type MilestoneWhen = z.infer<typeof MilestoneWhen>;

export const Milestone = z.object({
  when: MilestoneWhen,
  text: z.string().min(1),
});
export type Milestone = z.infer<typeof Milestone>;

export const ParsedTimeline = z.object({
  goLive: IsoDate.nullable(),
  milestones: z.array(Milestone),
  unparsed: z.array(UnparsedLine),
});
export type ParsedTimeline = z.infer<typeof ParsedTimeline>;
