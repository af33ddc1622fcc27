import { describe, expect, it } from 'vitest';
import { writeOpportunityFields } from '@/lib/crms/salesforce/api/records';
import type { SalesforceApi } from '@/lib/crms/salesforce/api/client';
import type { DescribeField } from '@/lib/crms/salesforce/api/schemas';
import { writeDealProperties } from '@/lib/crms/hubspot/api/records';
import type { HubSpotApi } from '@/lib/crms/hubspot/api/client';
import { CrmError } from '@/lib/domain/problem';
import { DEFAULT_HUBSPOT_MAPPING, DEFAULT_SALESFORCE_MAPPING } from '@/lib/settings/schema';

/** A refusal comes before any request: an API that is called fails the test. */
const untouchable = new Proxy({}, { get: (_t, name) => () => Promise.reject(new Error(`unexpected API call: ${String(name)}`)) });

async function refusal(write: Promise<unknown>): Promise<CrmError['problem']> {
  try {
    await write;
  } catch (error) {
    expect(error).toBeInstanceOf(CrmError);
    return (error as CrmError).problem;
  }
  throw new Error('expected the write to be refused');
}

/** Every mapped handoff field, updateable unless named in `readOnly`, minus those in `absent`. */
function describeOf(readOnly: string[], absent: string[]): Map<string, DescribeField> {
  const names = Object.values(DEFAULT_SALESFORCE_MAPPING).filter((f): f is string => typeof f === 'string' && !absent.includes(f));
  return new Map(names.map((name) => [name.toLowerCase(), { name, label: name, type: 'textarea', updateable: !readOnly.includes(name), length: 32_000 }]));
}

describe('Salesforce refuses to write mapped fields it cannot', () => {
  const write = (describe: Map<string, DescribeField>) =>
    writeOpportunityFields(untouchable as SalesforceApi, '006Hs00001abcDEIAY', DEFAULT_SALESFORCE_MAPPING, describe, { useCase: 'a', riskFlags: 'b' }, { useCase: '', riskFlags: '' });

  it('a field the org lacks', async () => {
    expect(await refusal(write(describeOf([], ['Handoff_Risk_Flags__c'])))).toEqual({
      kind: 'missing-fields',
      message: 'Baton cannot write Handoff_Risk_Flags__c: the field is not on Opportunity in this org.',
      elements: ['riskFlags'],
      fields: ['Handoff_Risk_Flags__c'],
    });
  });

  it('a field the user may not edit, named as the org spells it', async () => {
    expect(await refusal(write(describeOf(['Handoff_Use_Case__c', 'Handoff_Risk_Flags__c'], [])))).toEqual({
      kind: 'forbidden',
      message: 'Baton cannot write Handoff_Use_Case__c, Handoff_Risk_Flags__c: you may not edit it.',
      elements: ['useCase', 'riskFlags'],
      fields: ['Handoff_Use_Case__c', 'Handoff_Risk_Flags__c'],
    });
  });
});

describe('HubSpot refuses to write mapped properties it cannot', () => {
  const write = (issues: Parameters<typeof writeDealProperties>[3]) =>
    writeDealProperties(untouchable as HubSpotApi, '40000000001', DEFAULT_HUBSPOT_MAPPING, issues, { useCase: 'a', riskFlags: 'b' }, { useCase: '', riskFlags: '' });

  it('a property the portal lacks (the first issue decides the kind)', async () => {
    const issues = [
      { element: 'useCase' as const, field: 'handoff_use_case', problem: 'missing' as const },
      { element: 'riskFlags' as const, field: 'handoff_risk_flags', problem: 'read-only' as const },
      { element: 'timeline' as const, field: 'handoff_timeline', problem: 'missing' as const },
    ];
    expect(await refusal(write(issues))).toEqual({
      kind: 'missing-fields',
      message: 'Baton cannot write handoff_use_case, handoff_risk_flags: the property does not exist in this portal.',
      elements: ['useCase', 'riskFlags'],
      fields: ['handoff_use_case', 'handoff_risk_flags'],
    });
  });

  it('a read-only property', async () => {
    expect(await refusal(write([{ element: 'riskFlags', field: 'handoff_risk_flags', problem: 'read-only' }]))).toEqual({
      kind: 'forbidden',
      message: 'Baton cannot write handoff_risk_flags: it is read-only.',
      elements: ['riskFlags'],
      fields: ['handoff_risk_flags'],
    });
  });
});
