/**
 * The notice a snapshot carries when mapped handoff fields are missing from the CRM: the same
 * sentence for both CRMs, in each one's words.
 */
import type { FieldIssue } from '@/lib/domain/snapshot';

export interface SetupWording {
  /** The CRM as people name it. */
  crm: string;
  /** What is wrong with the missing fields, named in `fields`; `one` when there is a single one. */
  missing(fields: string, one: boolean): string;
  /** Whom to ask to do what: "your admin to add". */
  ask: string;
}

/** "<CRM> setup needed: <what is missing>. Ask <whom> <it / them>, or change the mapping …", or null when nothing is missing. */
export function setupNotice(issues: readonly FieldIssue[], wording: SetupWording): string | null {
  const missing = issues.filter((i) => i.problem === 'missing');
  if (missing.length === 0) return null;
  const one = missing.length === 1;
  return `${wording.crm} setup needed: ${wording.missing(missing.map((m) => m.field).join(', '), one)}. Ask ${wording.ask} ${
    one ? 'it' : 'them'
  }, or change the mapping in Baton’s options.`;
}
