/**
 * The checks both CRMs make before writing handoff fields: refuse, before any request, a field
 * that is missing or read-only; then compare what the CRM holds now with what the edit started
 * from, so a change made elsewhere meanwhile is reported instead of overwritten.
 */
import { ELEMENT_KEYS, type ElementKey, type RawArtifact } from '@/lib/domain/elements';
import type { FieldIssue } from '@/lib/domain/snapshot';
import { CrmError } from '@/lib/domain/problem';
import type { FieldConflict } from './backend';

/** How a CRM says why a mapped field cannot be written: "Baton cannot write X: <reason>." */
export interface RefusalWording {
  missing: string;
  readOnly: string;
}

/** The elements `fields` writes, in artifact order. */
export function elementsToWrite(fields: Partial<RawArtifact>): ElementKey[] {
  return ELEMENT_KEYS.filter((k) => fields[k] !== undefined);
}

/** Throws CrmError naming every field among `elements` with an issue; the first issue decides the kind. */
export function refuseBlockedFields(elements: readonly ElementKey[], issues: readonly FieldIssue[], wording: RefusalWording): void {
  const blocked = issues.filter((i) => elements.includes(i.element));
  const first = blocked[0];
  if (first === undefined) return;
  const missing = first.problem === 'missing';
  throw new CrmError({
    kind: missing ? 'missing-fields' : 'forbidden',
    message: `Baton cannot write ${blocked.map((b) => b.field).join(', ')}: ${missing ? wording.missing : wording.readOnly}.`,
    elements: blocked.map((b) => b.element),
    fields: blocked.map((b) => b.field),
  });
}

/** Line endings as a CRM may return them (Salesforce gives CRLF) must not look like a change. */
export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? '').replace(/\r\n?/g, '\n') === (b ?? '').replace(/\r\n?/g, '\n');
}

/** The elements someone else changed since `expected` was read, unless to the very value being written. */
export function fieldConflicts(
  elements: readonly ElementKey[],
  current: RawArtifact,
  fields: Partial<RawArtifact>,
  expected: Partial<RawArtifact>,
): FieldConflict[] {
  return elements
    .filter((k) => !sameText(current[k], expected[k]) && !sameText(current[k], fields[k]))
    .map((k) => ({ element: k, theirs: current[k] }));
}
