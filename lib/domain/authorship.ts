/**
 * What a record Baton reads back from the CRM counts for, by who the CRM says wrote it. A subject
 * line anyone can type ("Baton: handoff acknowledged by CS (5/5)") proves nothing: an
 * acknowledgement counts only when someone other than the deal owner wrote it (and, when the
 * administrator named CS users or groups, one of them); a review only from a named reviewer (or,
 * with none named, anyone but the deal owner). Overrides always count, deleted or not: the rep
 * closed the deal anyway, whoever removed the record afterwards. Records that do not count are
 * kept and said so, never dropped silently.
 */
import { z } from '@/lib/zod';
import type { ActivityAuthor, BatonActivity } from './activity';

/** Salesforce User Ids start with 005 (15 or 18 characters); HubSpot owner ids are numbers. */
const CRM_USER_ID = /^(?:005[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?|\d{1,20})$/;
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/** A person: an email address, a Salesforce User Id (005…) or a HubSpot owner id (digits). */
export const PersonEntry = z
  .string()
  .trim()
  .max(254, 'At most 254 characters.')
  .refine((v) => EMAIL.test(v) || CRM_USER_ID.test(v), {
    message: 'Name a person by email address, Salesforce User Id (005…) or HubSpot owner id (digits).',
  });

/** A Salesforce role or profile name, or a HubSpot team name. */
export const GroupEntry = z
  .string()
  .trim()
  .min(1, 'Leave no empty entries.')
  .max(100, 'At most 100 characters.')
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { message: 'No control characters.' });

function uniqueList(entry: z.ZodType<string>) {
  return z
    .array(entry)
    .max(200, 'At most 200 entries.')
    .refine((list) => new Set(list.map((v) => v.toLowerCase())).size === list.length, { message: 'An entry is listed twice.' });
}

export const AuditPolicy = z.object({
  /** People whose acknowledgements count (empty with csGroups empty: anyone but the deal owner). */
  csUsers: uniqueList(PersonEntry),
  /** Roles, profiles (Salesforce) or teams (HubSpot) whose members' acknowledgements count. */
  csGroups: uniqueList(GroupEntry),
  /** People whose reviews count (empty with reviewerGroups empty: anyone but the deal owner). */
  reviewers: uniqueList(PersonEntry),
  reviewerGroups: uniqueList(GroupEntry),
});
export type AuditPolicy = z.infer<typeof AuditPolicy>;

export function defaultAuditPolicy(): AuditPolicy {
  return { csUsers: [], csGroups: [], reviewers: [], reviewerGroups: [] };
}

export type NotCounted = 'deleted' | 'author-unknown' | 'deal-owner' | 'not-cs' | 'not-reviewer';

export const NOT_COUNTED_WORDING: Record<NotCounted, string> = {
  deleted: 'deleted — not counted',
  'author-unknown': 'the CRM does not say who wrote it — not counted',
  'deal-owner': 'written by the deal owner — not counted',
  'not-cs': 'not from a named CS user — not counted',
  'not-reviewer': 'not from a named reviewer — not counted',
};

export type RecordVerdict = { counts: true } | { counts: false; reason: NotCounted };

/** Salesforce ids come in 15 (case-sensitive) and 18 characters; the first 15 are the same id. */
export function sameUserId(a: string, b: string): boolean {
  const salesforce = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;
  if (/^005/.test(a) && /^005/.test(b) && salesforce.test(a) && salesforce.test(b)) return a.slice(0, 15) === b.slice(0, 15);
  return a === b;
}

function isOneOf(author: ActivityAuthor, people: readonly string[], groups: readonly string[]): boolean {
  const email = author.email?.toLowerCase() ?? null;
  const byPerson = people.some((p) => (p.includes('@') ? email === p.toLowerCase() : author.id !== null && sameUserId(author.id, p)));
  const wanted = new Set(groups.map((g) => g.toLowerCase()));
  return byPerson || author.groups.some((g) => wanted.has(g.toLowerCase()));
}

/** Whether a record counts, and why not when it does not. `dealOwnerId` null: the deal has no owner. */
export function judgeRecord(activity: BatonActivity, dealOwnerId: string | null, policy: AuditPolicy): RecordVerdict {
  if (activity.kind === 'override') return { counts: true };
  if (activity.deleted !== null) return { counts: false, reason: 'deleted' };
  const author = activity.author;
  if (author === null || author.id === null) return { counts: false, reason: 'author-unknown' };
  // A review of one's own deal is no spot-check either, even by a named reviewer.
  if (dealOwnerId !== null && sameUserId(author.id, dealOwnerId)) return { counts: false, reason: 'deal-owner' };
  const [people, groups, reason]: [string[], string[], NotCounted] =
    activity.kind === 'acknowledgement' ? [policy.csUsers, policy.csGroups, 'not-cs'] : [policy.reviewers, policy.reviewerGroups, 'not-reviewer'];
  if (people.length + groups.length > 0 && !isOneOf(author, people, groups)) return { counts: false, reason };
  return { counts: true };
}
