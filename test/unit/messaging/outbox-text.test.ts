import { describe, expect, it } from 'vitest';
import { outboxStateText, overrideNotice, waitingFor } from '@/lib/messaging/outboxText';
import type { OutboxSummary } from '@/lib/messaging/protocol';

const SF = { crm: 'salesforce' as const, instance: 'acme', recordId: '006Hs00001abcDEIAY' };
const HS = { crm: 'hubspot' as const, instance: '4471123', recordId: '9001' };
const item = (extra: Partial<OutboxSummary>): OutboxSummary => ({
  id: 1,
  deal: SF,
  kind: 'create-override-record',
  status: 'pending',
  createdAt: '2027-01-11T12:00:00.000Z',
  attempts: 1,
  lastError: null,
  lastErrorKind: null,
  nextAttemptAt: '2027-01-11T12:05:00.000Z',
  ...extra,
});

describe('the outbox in words', () => {
  it('names what each CRM waits for: a Salesforce sign-in, a HubSpot connection, API access', () => {
    expect(waitingFor('salesforce', 'session-expired')).toBe('waiting for Salesforce sign-in');
    expect(waitingFor('hubspot', 'not-connected')).toBe('waiting for HubSpot connection');
    expect(waitingFor('salesforce', 'api-disabled')).toBe('waiting for API access to Salesforce');
  });

  it('says where an item stands; a failed one with its reason', () => {
    expect(outboxStateText(item({ status: 'waiting', lastErrorKind: 'not-connected', deal: HS }))).toBe(
      'Not in HubSpot yet, waiting for HubSpot connection: it is written once HubSpot is connected in Baton’s options.',
    );
    expect(outboxStateText(item({ status: 'failed', lastError: 'Salesforce refused the change: Tasks are locked.', nextAttemptAt: null }))).toBe(
      'Failed: Salesforce refused the change: Tasks are locked.',
    );
    expect(outboxStateText(item({ status: 'pending', lastError: 'HTTP 503' }))).toMatch(/^Retried automatically at .+ \(last try: HTTP 503\)$/);
    expect(outboxStateText(item({ status: 'in-flight' }))).toBe('Being written to the CRM now.');
  });

  it('tells the rep, at close anyway, where the override is: nothing when the CRM has it', () => {
    expect(overrideNotice('salesforce', { recorded: 'crm', problem: null })).toBeNull();
    const signedOut = { kind: 'session-expired' as const, message: 'Your Salesforce session has expired.' };
    expect(overrideNotice('salesforce', { recorded: 'queued', problem: signedOut })).toBe(
      'Not recorded in Salesforce yet: Your Salesforce session has expired. Your reason is recorded on this computer and will be written to the deal as a Task once you sign in to Salesforce again in this browser. ' +
        'Until then Baton’s side panel and manager console list it as waiting for Salesforce sign-in.',
    );
    expect(overrideNotice('hubspot', { recorded: 'queued', problem: { kind: 'rate-limited', message: 'HubSpot is limiting requests.' } })).toContain('Baton writes it to the deal as a note on its own once HubSpot answers again');
    expect(overrideNotice('hubspot', { recorded: 'queued', problem: { kind: 'not-found', message: 'The deal is gone.' } })).toBe(
      'HubSpot refused the record of this override: The deal is gone. Your reason is kept on this computer, marked failed: retry it from Baton’s side panel or manager console.',
    );
  });
});
