import { describe, expect, it } from 'vitest';
import { pathLabel } from '@/components/options/pathLabels';
import { defaultSettings } from '@/lib/settings/schema';

function leafPaths(value: unknown, prefix: string[] = []): string[] {
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  }
  return [prefix.join('.')];
}

describe('settings path labels', () => {
  it('names fields the way the options page labels them', () => {
    expect(pathLabel('fieldMappings.salesforce.useCase')).toBe('Use case — Salesforce');
    expect(pathLabel('fieldMappings.hubspot.csmRating')).toBe('CSM rating — HubSpot');
    expect(pathLabel('rules.thresholds.minWords.knownGaps')).toBe('Minimum words: Known gaps');
    expect(pathLabel('rules.modes.placeholder')).toMatch(/^Placeholder/);
  });

  it('has a human label for every user-editable setting', () => {
    const unlabeled = leafPaths(defaultSettings())
      .filter((p) => p !== 'version')
      .filter((p) => pathLabel(p) === p);
    expect(unlabeled).toEqual([]);
  });
});
