import { z } from '@/lib/zod';
import { MinWords, RuleModes } from '@/lib/rules/config';
import { AuditPolicy } from '@/lib/domain/authorship';
import {
  EnforcementMode,
  HubSpotMapping,
  SalesforceMapping,
  Settings,
  UserRole,
} from './schema';

/**
 * What an administrator may push through chrome.storage.managed (public/managed-schema.json
 * declares the same shape for Chrome). It mirrors Settings with every leaf optional; each leaf
 * that is set wins over the user's value and is shown as locked.
 */
export const ManagedSettings = z.object({
  enforcement: EnforcementMode.optional(),
  role: UserRole.optional(),
  fieldMappings: z
    .object({
      salesforce: SalesforceMapping.partial().optional(),
      hubspot: HubSpotMapping.partial().optional(),
    })
    .optional(),
  rules: z
    .object({
      modes: RuleModes.partial().optional(),
      thresholds: z
        .object({
          minWords: MinWords.partial().optional(),
          championAboveAmount: z.number().min(0).optional(),
          economicBuyerAboveAmount: z.number().min(0).optional(),
          copiedMinChars: z.number().int().min(8).max(10_000).optional(),
        })
        .optional(),
    })
    .optional(),
  hubspot: z
    .object({
      method: z.enum(['none', 'private-app', 'oauth']).optional(),
      oauthClientId: z.string().nullable().optional(),
    })
    .optional(),
  audit: AuditPolicy.partial().optional(),
});
export type ManagedSettings = z.infer<typeof ManagedSettings>;

interface Leaf {
  path: string[];
  value: unknown;
}

/**
 * Keys that would walk from a settings object into Object.prototype ("__proto__.toString") or a
 * constructor: a pushed policy or a stored copy naming them is never followed.
 */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function leaves(value: unknown, path: string[] = []): Leaf[] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return value === undefined ? [] : [{ path, value }];
}

/** The settings with one leaf set, or null when the path names no setting (own keys only). */
function withLeaf(settings: Settings, leaf: Leaf): unknown {
  const copy: Record<string, unknown> = structuredClone(settings);
  let node = copy;
  for (const key of leaf.path.slice(0, -1)) {
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (typeof next !== 'object' || next === null) return null;
    node = next as Record<string, unknown>;
  }
  const last = leaf.path[leaf.path.length - 1];
  if (last === undefined || !Object.hasOwn(node, last)) return null;
  node[last] = leaf.value;
  return copy;
}

export interface ManagedOverlay {
  settings: Settings;
  /** Dotted paths of the values the administrator set ("rules.modes.placeholder"). */
  locked: string[];
  /** Plain-words problems with the pushed values; those values were not applied. */
  problems: string[];
}

/**
 * Applies the administrator's values leaf by leaf, so one bad value does not cancel the others,
 * and every leaf that was applied still leaves a valid Settings object.
 */
export function applyManaged(base: Settings, managed: unknown): ManagedOverlay {
  if (managed === undefined || managed === null) return { settings: base, locked: [], problems: [] };
  const parsed = ManagedSettings.safeParse(managed);
  const problems: string[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => `Administrator setting ${i.path.join('.')}: ${i.message}`);
  // Even when part of it is invalid, apply each leaf that keeps the settings valid.
  let settings = base;
  const locked: string[] = [];
  for (const leaf of leaves(managed)) {
    if (leaf.path.some((key) => UNSAFE_KEYS.has(key))) {
      problems.push(`Administrator setting ${leaf.path.join('.')} names no setting and was ignored.`);
      continue;
    }
    const candidate = Settings.safeParse(withLeaf(settings, leaf));
    if (candidate.success) {
      settings = candidate.data;
      locked.push(leaf.path.join('.'));
    } else if (parsed.success) {
      problems.push(`Administrator setting ${leaf.path.join('.')} could not be applied.`);
    }
  }
  return { settings, locked, problems };
}
