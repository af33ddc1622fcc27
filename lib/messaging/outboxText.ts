/**
 * Baton's outbox in words, the same in the gate dialog, the side panel and the console: what an
 * item is, where it stands, and when a write waiting for a sign-in or a connection goes out.
 */
import type { Crm } from '@/lib/domain/deal';
import { isTransient, meansNoApiAccess, type CrmErrorKind, type CrmProblem } from '@/lib/domain/problem';
import { CRMS } from '@/lib/crms';
import type { OutboxSummary } from './protocol';

export const OUTBOX_KIND_LABELS: Readonly<Record<OutboxSummary['kind'], string>> = {
  'update-fields': 'Handoff fields',
  'create-override-record': 'Close-anyway record',
  'create-acknowledgement': 'CS acknowledgement',
  'create-review': 'Spot-check review',
};

/** "waiting for Salesforce sign-in", "waiting for HubSpot connection", "waiting for API access to Salesforce". */
export function waitingFor(crm: Crm, kind: CrmErrorKind | null): string {
  const { label, accessNeeded } = CRMS[crm];
  return kind === 'api-disabled' ? `waiting for API access to ${label}` : `waiting for ${label} ${accessNeeded}`;
}

/** When a write that waits for access goes out: "once you sign in to Salesforce again in this browser". */
export function whenAccessReturns(crm: Crm, kind: CrmErrorKind | null): string {
  const { label, regainAccess } = CRMS[crm];
  return kind === 'api-disabled' ? `once ${label} lets Baton use its API again (an administrator’s setting); Baton checks every few minutes` : regainAccess;
}

function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** Where an item stands, in one sentence (a failed one with its reason). */
export function outboxStateText(item: Pick<OutboxSummary, 'deal' | 'status' | 'attempts' | 'lastError' | 'lastErrorKind' | 'nextAttemptAt'>): string {
  switch (item.status) {
    case 'in-flight':
      return 'Being written to the CRM now.';
    case 'waiting':
      return `Not in ${CRMS[item.deal.crm].label} yet, ${waitingFor(item.deal.crm, item.lastErrorKind)}: it is written ${whenAccessReturns(item.deal.crm, item.lastErrorKind)}.`;
    case 'pending':
      if (item.attempts === 0 || item.nextAttemptAt === null) return 'About to be written to the CRM.';
      return `Retried automatically at ${clockTime(item.nextAttemptAt)}${item.lastError ? ` (last try: ${item.lastError})` : ''}`;
    case 'failed':
      return `Failed: ${item.lastError ?? 'the CRM refused it.'}`;
  }
}

/**
 * What the rep reads when the override's record is not in the CRM: where it is and when it gets
 * there, or that the CRM refused it. Null when the CRM has it (nothing to say).
 */
export function overrideNotice(crm: Crm, result: { recorded: 'crm' | 'queued' | 'not-queued'; problem: CrmProblem | null; storage?: string | null | undefined }): string | null {
  const problem = result.problem;
  if (result.recorded === 'crm' || problem === null) return null;
  const { label, activityNoun } = CRMS[crm];
  const local = result.storage ? ` ${result.storage} Baton’s local log misses this override.` : '';
  if (result.recorded === 'not-queued') {
    return `The override could not be recorded: ${label} did not take it (${problem.message}) and ${result.storage ?? 'Baton could not keep it on this computer.'}`;
  }
  if (meansNoApiAccess(problem.kind)) {
    return (
      `Not recorded in ${label} yet: ${problem.message} Your reason is recorded on this computer and will be written to the deal as ${activityNoun} ` +
      `${whenAccessReturns(crm, problem.kind)}. Until then Baton’s side panel and manager console list it as ${waitingFor(crm, problem.kind)}.${local}`
    );
  }
  if (isTransient(problem.kind)) {
    return `Not recorded in ${label} yet: ${problem.message} Your reason is recorded on this computer; Baton writes it to the deal as ${activityNoun} on its own once ${label} answers again.${local}`;
  }
  return `${label} refused the record of this override: ${problem.message} Your reason is kept on this computer, marked failed: retry it from Baton’s side panel or manager console.${local}`;
}
