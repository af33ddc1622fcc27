/**
 * How the console words one of Baton's records on a deal: what it is, who the CRM says wrote it,
 * and the marks a manager must see (deleted, and why it does not count). Pure, so the wording is
 * tested without a page.
 */
import type { ActivityAuthor, ActivityKind } from '@/lib/domain/activity';
import { NOT_COUNTED_WORDING } from '@/lib/domain/authorship';
import type { ConsoleRecord } from './rows';

export const RECORD_KIND_LABELS: Record<ActivityKind, string> = {
  override: 'Override',
  acknowledgement: 'CS acknowledgement',
  review: 'Review',
};

/** "Grace Hopper (grace@acme.example)", the id when that is all the CRM gave, or that it did not say. */
export function authorText(author: ActivityAuthor | null): string {
  if (author === null) return 'author unknown';
  const name = author.name ?? author.email ?? author.id;
  if (name === null) return 'author unknown';
  return author.email && author.email !== name ? `${name} (${author.email})` : name;
}

export interface RecordLine {
  /** "CS acknowledgement, 2026-11-20, by Grace Hopper". */
  text: string;
  /** What the manager must notice, in words: deleted, and why it does not count. */
  marks: string[];
}

export function recordLine(record: ConsoleRecord, crmLabel: string): RecordLine {
  const a = record.activity;
  const marks: string[] = [];
  if (a.deleted !== null) {
    const when = a.deleted.at ? ` on ${a.deleted.at.slice(0, 10)}` : '';
    marks.push(a.deleted.by ? `deleted by ${a.deleted.by}${when}` : `deleted${when} (${crmLabel} does not say by whom)`);
  }
  // "deleted — not counted" would say the deletion twice.
  if (record.notCounted !== null) marks.push(record.notCounted === 'deleted' ? 'not counted' : NOT_COUNTED_WORDING[record.notCounted]);
  return { text: `${RECORD_KIND_LABELS[a.kind]}, ${a.at.slice(0, 10)}, by ${authorText(a.author)}: ${a.subject}`, marks };
}
