import { describe, expect, it } from 'vitest';
import { elementsToWrite, fieldConflicts, refuseBlockedFields, sameText } from '@/lib/crms/shared/api/writeGuard';
import { emptyArtifact } from '@/lib/domain/elements';

const wording = { missing: 'not there', readOnly: 'locked' };

describe('the write guard', () => {
  it('writes the elements given, in artifact order', () => {
    expect(elementsToWrite({ timeline: '', useCase: 'x' })).toEqual(['useCase', 'timeline']);
  });

  it('refuses only for issues among the elements being written', () => {
    expect(() => refuseBlockedFields(['useCase'], [{ element: 'timeline', field: 'T', problem: 'missing' }], wording)).not.toThrow();
    expect(() => refuseBlockedFields(['timeline'], [{ element: 'timeline', field: 'T', problem: 'read-only' }], wording)).toThrow('Baton cannot write T: locked.');
  });

  it('treats CR, CRLF and LF alike, and a missing value as empty text', () => {
    expect(sameText('a\r\nb\rc', 'a\nb\nc')).toBe(true);
    expect(sameText(undefined, '')).toBe(true);
    expect(sameText('a b', 'a\nb')).toBe(false);
  });

  it('reports a field changed elsewhere, unless it now holds the value being written', () => {
    const current = { ...emptyArtifact(), useCase: 'theirs', riskFlags: 'mine', timeline: 'base\r\n' };
    const conflicts = fieldConflicts(['useCase', 'riskFlags', 'timeline'], current, { useCase: 'mine', riskFlags: 'mine', timeline: 'new' }, { useCase: 'base', riskFlags: 'base', timeline: 'base\n' });
    expect(conflicts).toEqual([{ element: 'useCase', theirs: 'theirs' }]);
  });
});
