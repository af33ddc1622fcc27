/**
 * What Baton records on a deal in the CRM (Salesforce Tasks, HubSpot notes) — overrides of the
 * gate, CS acknowledgements of a handoff, manager reviews — and how it reads them back. They are
 * team data: every manager and CSM sees them from any browser, so the CRM holds them, and Baton
 * recognises its own by the subject line it writes. Anyone can type that subject, so what a record
 * counts for depends on who the CRM says wrote it (lib/domain/authorship.ts).
 */
import { z } from '@/lib/zod';

export const ActivityKind = z.enum(['override', 'acknowledgement', 'review']);
export type ActivityKind = z.infer<typeof ActivityKind>;

/** Subjects start with these; the rest of the subject is free text. */
export const ACTIVITY_SUBJECTS: Record<ActivityKind, string> = {
  override: 'Baton: handoff gate overridden',
  acknowledgement: 'Baton: handoff acknowledged by CS',
  review: 'Baton: handoff review',
};

/**
 * Who wrote a record, as the CRM says (never as the record's text says): Salesforce's CreatedBy,
 * HubSpot's note creator / owner. What an administrator can name in the audit settings.
 */
export const ActivityAuthor = z.object({
  /** The CRM's id of the person: Salesforce User Id, HubSpot owner id. Null when the CRM did not say. */
  id: z.string().max(100).nullable(),
  name: z.string().max(200).nullable(),
  email: z.string().max(320).nullable(),
  /** Salesforce role and profile names, HubSpot team names. */
  groups: z.array(z.string().max(200)).max(50),
});
export type ActivityAuthor = z.infer<typeof ActivityAuthor>;

/** A record that was deleted and is still found (Salesforce's recycle bin, HubSpot's archived notes). */
export const DeletedRecord = z.object({
  /** When it was deleted, when the CRM says. */
  at: z.string().max(40).nullable(),
  /** Who deleted it, when the CRM says; null when it does not tell. */
  by: z.string().max(200).nullable(),
});
export type DeletedRecord = z.infer<typeof DeletedRecord>;

export const BatonActivity = z.object({
  kind: ActivityKind,
  /** When the CRM recorded it (ISO). */
  at: z.string().max(40),
  /** Null when the CRM does not say who wrote it. */
  author: ActivityAuthor.nullable(),
  /** Null while the record exists. */
  deleted: DeletedRecord.nullable(),
  subject: z.string().max(255),
  body: z.string().max(32_000),
  /** The 1–5 rating of an acknowledgement or review, when it has one. */
  rating: z.number().int().min(1).max(5).nullable(),
});
export type BatonActivity = z.infer<typeof BatonActivity>;

/** Baton's activity kind of a subject line, or null when the activity is not Baton's. */
export function activityKindOf(subject: string): ActivityKind | null {
  for (const kind of ActivityKind.options) if (subject.startsWith(ACTIVITY_SUBJECTS[kind])) return kind;
  return null;
}

/** "Rating: 4/5" in a body Baton wrote. */
export function ratingOf(body: string): number | null {
  const m = /^Rating: ([1-5])\/5$/m.exec(body);
  return m ? Number(m[1]) : null;
}

export const ACK_RUBRIC = ['context', 'promises', 'stakeholders', 'successCriteria'] as const;
export type AckCriterion = (typeof ACK_RUBRIC)[number];

export const ACK_RUBRIC_LABELS: Record<AckCriterion, string> = {
  context: 'Context (why they bought, use case)',
  promises: 'Promises clarity',
  stakeholders: 'Stakeholder map',
  successCriteria: 'Success criteria',
};

const Score = z.number().int().min(1).max(5);
export const AckRubric = z.object({ context: Score, promises: Score, stakeholders: Score, successCriteria: Score });
export type AckRubric = z.infer<typeof AckRubric>;

/** A rubric's overall rating: the mean of its scores, rounded. */
function meanRating<K extends string>(criteria: readonly K[], rubric: Record<K, number>): number {
  return Math.round(criteria.reduce((n, k) => n + rubric[k], 0) / criteria.length);
}

/** "Label: 4/5" per criterion, then the comment when there is one: the readable part of a record. */
function rubricLines<K extends string>(criteria: readonly K[], labels: Record<K, string>, rubric: Record<K, number>, comment: string): string[] {
  return [...criteria.map((k) => `${labels[k]}: ${rubric[k]}/5`), ...(comment.trim() ? ['', `Comment: ${comment.trim()}`] : [])];
}

/** The overall rating: the rubric's mean, rounded. */
export function ackRating(rubric: AckRubric): number {
  return meanRating(ACK_RUBRIC, rubric);
}

/** The Task / note of an acknowledgement: a subject with the rating, a body a person can read. */
export function acknowledgementRecord(rubric: AckRubric, comment: string): { subject: string; body: string } {
  const rating = ackRating(rubric);
  return {
    subject: `${ACTIVITY_SUBJECTS.acknowledgement} (${rating}/5)`,
    body: [`Rating: ${rating}/5`, ...rubricLines(ACK_RUBRIC, ACK_RUBRIC_LABELS, rubric, comment)].join('\n'),
  };
}

/** A manager's spot-check of a handoff: four criteria scored 1–5, a verdict, a comment. */
export const REVIEW_RUBRIC = ['useCase', 'successMetric', 'riskFlags', 'promises'] as const;
export type ReviewCriterion = (typeof REVIEW_RUBRIC)[number];

export const REVIEW_RUBRIC_LABELS: Record<ReviewCriterion, string> = {
  useCase: 'Use case is specific',
  successMetric: 'Success metric is measurable',
  riskFlags: 'Risks are honest',
  promises: 'Promises are clear',
};

export const ReviewRubric = z.object({ useCase: Score, successMetric: Score, riskFlags: Score, promises: Score });
export type ReviewRubric = z.infer<typeof ReviewRubric>;

export const ReviewVerdict = z.enum(['pass', 'needs-work', 'fail']);
export type ReviewVerdict = z.infer<typeof ReviewVerdict>;

export const REVIEW_VERDICT_LABELS: Record<ReviewVerdict, string> = { pass: 'Pass', 'needs-work': 'Needs work', fail: 'Fail' };

/** The Task / note of a review, read back by ratingOf like an acknowledgement. */
export function reviewRecord(rubric: ReviewRubric, verdict: ReviewVerdict, comment: string, sample: { seed: number } | null): { subject: string; body: string } {
  const rating = meanRating(REVIEW_RUBRIC, rubric);
  return {
    subject: `${ACTIVITY_SUBJECTS.review}: ${REVIEW_VERDICT_LABELS[verdict]} (${rating}/5)`,
    body: [
      `Rating: ${rating}/5`,
      `Verdict: ${REVIEW_VERDICT_LABELS[verdict]}`,
      ...rubricLines(REVIEW_RUBRIC, REVIEW_RUBRIC_LABELS, rubric, comment),
      ...(sample ? ['', `Spot-check sample, seed ${sample.seed}`] : []),
    ].join('\n'),
  };
}
