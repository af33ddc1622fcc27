import { Settings } from '@/lib/settings/schema';
import { toSettingsIssues } from '@/lib/settings/issues';

export type Path = readonly (string | number)[];

/** Returns a copy of `value` with the leaf at `path` replaced. */
export function setAt<T>(value: T, path: Path, leaf: unknown): T {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  path.slice(0, -1).forEach((key) => {
    node = node[key] as Record<string | number, unknown>;
  });
  const last = path[path.length - 1];
  if (last !== undefined) node[last] = leaf;
  return copy as T;
}

/** Validation errors of a draft, keyed by dotted path, first message per path. */
export function draftErrors(draft: Settings): Map<string, string> {
  const parsed = Settings.safeParse(draft);
  const errors = new Map<string, string>();
  if (parsed.success) return errors;
  for (const issue of toSettingsIssues(parsed.error)) {
    if (!errors.has(issue.path)) errors.set(issue.path, friendlier(issue.message));
  }
  return errors;
}

// zod's wording for an empty number input is "expected number, received NaN": say it plainly.
function friendlier(message: string): string {
  if (/received NaN/i.test(message)) return 'Enter a number.';
  if (/expected int/i.test(message)) return 'Enter a whole number.';
  if (/Too small: expected number to be >=(\d+)/.test(message)) {
    return `Enter ${message.replace(/.*>=\s*/, '')} or more.`;
  }
  if (/Too big: expected number to be <=(\d+)/.test(message)) {
    return `Enter at most ${message.replace(/.*<=\s*/, '')}.`;
  }
  return message;
}

/** The value a number input shows for a draft number (NaN while the user has cleared it). */
export function numberText(value: number): string {
  return Number.isNaN(value) ? '' : String(value);
}

export function parseNumberInput(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}
