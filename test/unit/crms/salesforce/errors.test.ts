import { describe, expect, it } from 'vitest';
import { classifySalesforceError } from '@/lib/crms/salesforce/api/client';
import { toCrmProblem, CrmError } from '@/lib/domain/problem';
import { parseRetryAfter } from '@/lib/crms/shared/api/http';

const body = (errorCode: string, message = 'msg', fields: string[] = []) => [{ errorCode, message, fields }];

describe('classifySalesforceError', () => {
  it.each([
    [401, body('INVALID_SESSION_ID'), 'session-expired'],
    [403, body('API_DISABLED_FOR_ORG'), 'api-disabled'],
    [403, body('API_CURRENTLY_DISABLED'), 'api-disabled'],
    [403, undefined, 'api-disabled'],
    [403, body('INSUFFICIENT_ACCESS_OR_READONLY'), 'forbidden'],
    [403, body('REQUEST_LIMIT_EXCEEDED'), 'rate-limited'],
    [429, undefined, 'rate-limited'],
    [404, body('NOT_FOUND'), 'not-found'],
    [412, body('PRECONDITION_FAILED'), 'conflict'],
    [400, body('INVALID_FIELD', "No such column 'X__c'", ['X__c']), 'missing-fields'],
    [400, body('FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Amount is required'), 'validation'],
    [503, body('SERVER_UNAVAILABLE'), 'unavailable'],
    [500, 'not json', 'unavailable'],
    [418, body('TEAPOT'), 'bad-response'],
  ])('HTTP %i %j → %s', (status, errorBody, kind) => {
    expect(classifySalesforceError(status, errorBody, null).kind).toBe(kind);
  });

  it('passes Salesforce’s own words through for validation errors, and the fields named', () => {
    const p = classifySalesforceError(400, body('FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Close date must be in this quarter', ['CloseDate']), null);
    expect(p).toMatchObject({ message: 'Salesforce refused the change: Close date must be in this quarter', fields: ['CloseDate'], status: 400 });
  });

  it('keeps Retry-After on 503 and 429', () => {
    expect(classifySalesforceError(503, undefined, '120').retryAfterSeconds).toBe(120);
    expect(classifySalesforceError(429, undefined, '7').retryAfterSeconds).toBe(7);
  });

  it('bounds what it quotes from a hostile error body', () => {
    const p = classifySalesforceError(400, body('FIELD_CUSTOM_VALIDATION_EXCEPTION', 'x'.repeat(100_000)), null);
    expect(p.message.length).toBeLessThan(600);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2027, 0, 1, 12, 0, 0);
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('1.5', now)).toBe(1.5);
    expect(parseRetryAfter('Fri, 01 Jan 2027 12:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('Fri, 01 Jan 2027 11:00:00 GMT', now)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    for (const v of [null, '', 'soon', '-5']) expect(parseRetryAfter(v, now)).toBeUndefined();
  });
});

describe('toCrmProblem', () => {
  it('keeps a CrmError’s problem and turns anything else into an honest sentence', () => {
    expect(toCrmProblem(new CrmError({ kind: 'network', message: 'offline' }))).toEqual({ kind: 'network', message: 'offline' });
    expect(toCrmProblem(new TypeError('x is undefined'))).toEqual({ kind: 'bad-response', message: 'Baton hit an unexpected error (x is undefined).' });
    expect(toCrmProblem('weird')).toEqual({ kind: 'bad-response', message: 'Baton hit an unexpected error.' });
  });
});
