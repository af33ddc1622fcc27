import { describe, expect, it } from 'vitest';
import { setupNotice } from '@/lib/crms/shared/api/setupNotice';

const wording = { crm: 'Acme CRM', missing: (fields: string, one: boolean) => `${fields} ${one ? 'is' : 'are'} gone`, ask: 'your admin to restore' };

describe('the setup-needed notice', () => {
  it('names only the missing fields, singular or plural', () => {
    expect(setupNotice([{ element: 'useCase', field: 'U', problem: 'missing' }, { element: 'timeline', field: 'T', problem: 'read-only' }], wording)).toBe(
      'Acme CRM setup needed: U is gone. Ask your admin to restore it, or change the mapping in Baton’s options.',
    );
    expect(setupNotice([{ element: 'useCase', field: 'U', problem: 'missing' }, { element: 'timeline', field: 'T', problem: 'missing' }], wording)).toBe(
      'Acme CRM setup needed: U, T are gone. Ask your admin to restore them, or change the mapping in Baton’s options.',
    );
  });

  it('is null when nothing is missing (a read-only field is not a setup problem)', () => {
    expect(setupNotice([], wording)).toBeNull();
    expect(setupNotice([{ element: 'timeline', field: 'T', problem: 'read-only' }], wording)).toBeNull();
  });
});
