import { describe, expect, it } from 'vitest';
import { classifySalesforceError } from '@/lib/crms/salesforce/api/client';
import { classifyHubSpotError } from '@/lib/crms/hubspot/api/client';

// Every status both clients share, word for word, so the shared wording (statusProblem.ts) cannot drift.
describe('what an HTTP status means, in each CRM’s words', () => {
  const salesforce = (status: number, body: unknown = [{ errorCode: 'X', message: 'said so' }], retry: string | null = null) => classifySalesforceError(status, body, retry);
  const hubspot = (status: number, body: unknown = { message: 'said so', category: 'X' }, retry: string | null = null) => classifyHubSpotError(status, body, retry);

  it.each([
    [403, 'forbidden', 'Salesforce refused: said so', 'HubSpot refused: said so'],
    [404, 'not-found', 'Salesforce has no such record (deleted, or not shared with you).', 'HubSpot has no such deal (deleted, or in another portal).'],
    [429, 'rate-limited', 'Salesforce is refusing requests for now (API request limit reached). Baton will try again later.', 'HubSpot is limiting requests right now. Baton will try again.'],
    [400, 'validation', 'Salesforce refused the change: said so', 'HubSpot refused the change: said so'],
    [503, 'unavailable', 'Salesforce is unavailable right now (HTTP 503). Baton will try again.', 'HubSpot is unavailable right now (HTTP 503). Baton will try again.'],
    [418, 'bad-response', 'Salesforce answered HTTP 418: said so.', 'HubSpot answered HTTP 418: said so.'],
  ] as const)('HTTP %i is %s', (status, kind, salesforceSays, hubspotSays) => {
    expect(salesforce(status)).toMatchObject({ status, kind, message: salesforceSays });
    expect(hubspot(status)).toMatchObject({ status, kind, message: hubspotSays });
  });

  it('without a message of the CRM’s own', () => {
    expect(salesforce(403, [])).toMatchObject({ kind: 'api-disabled' }); // Salesforce: a bare 403 is the API closed to the user
    expect(hubspot(403, {})).toMatchObject({ kind: 'forbidden', message: 'HubSpot refused: you do not have access.' });
    expect(salesforce(400, [])).toMatchObject({ message: 'Salesforce refused the change.' });
    expect(hubspot(400, {})).toMatchObject({ message: 'HubSpot refused the change.' });
    expect(hubspot(418, {})).toMatchObject({ message: 'HubSpot answered HTTP 418.' });
  });

  it('Retry-After rides along on rate limits and outages, and a Salesforce limit code counts whatever the status', () => {
    expect(salesforce(503, [], '30')).toMatchObject({ kind: 'unavailable', retryAfterSeconds: 30 });
    expect(hubspot(429, {}, '7')).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 7 });
    expect(salesforce(403, [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }])).toMatchObject({ kind: 'rate-limited' });
  });

  it('a locked Salesforce record is a conflict, unless the status already said forbidden or gone', () => {
    expect(salesforce(400, [{ errorCode: 'ENTITY_IS_LOCKED', message: 'locked' }])).toMatchObject({ kind: 'conflict' });
    expect(salesforce(404, [{ errorCode: 'ENTITY_IS_LOCKED', message: 'locked' }])).toMatchObject({ kind: 'not-found' });
  });
});
