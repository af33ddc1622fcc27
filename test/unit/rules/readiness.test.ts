import { describe, expect, it } from 'vitest';
import { readinessPhrase, readinessText } from '@/lib/rules/readiness';
import { evalWith } from './helpers';

describe('readiness in words', () => {
  it('counts the ready non-negotiables out of all three, as the badge, dialog and brief show it', () => {
    expect(readinessText(evalWith({}))).toBe('3/3');
    expect(readinessText(evalWith({ useCase: 'TBD' }))).toBe('2/3');
    expect(readinessPhrase(evalWith({ useCase: 'TBD' }))).toBe('2 of 3 non-negotiables ready');
    expect(readinessPhrase(evalWith({}, { empty: true }))).toBe('0 of 3 non-negotiables ready');
  });
});
