import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ManagedSettings } from '@/lib/settings/managed';
import { toPolicySchema } from '@/lib/settings/policySchema';

describe('managed storage schema shipped in the manifest', () => {
  it('declares exactly what ManagedSettings accepts (regenerate with test/tools/write-managed-schema.ts)', () => {
    const shipped = JSON.parse(readFileSync('public/managed-schema.json', 'utf8'));
    expect(shipped).toEqual(toPolicySchema(ManagedSettings));
  });

  it('follows Chrome’s rules: a top-level object without additionalProperties, one type per node', () => {
    const shipped = JSON.parse(readFileSync('public/managed-schema.json', 'utf8'));
    expect(shipped.type).toBe('object');
    expect(shipped).not.toHaveProperty('additionalProperties');
    const visit = (node: Record<string, unknown>) => {
      expect(typeof node.type).toBe('string');
      expect(node).not.toHaveProperty('anyOf');
      for (const child of Object.values((node.properties ?? {}) as Record<string, Record<string, unknown>>)) visit(child);
    };
    visit(shipped);
  });
});
