import { ELEMENT_LABELS, type ElementKey } from '@/lib/domain/elements';
import type { HubSpotMapping } from '@/lib/settings/schema';
import type { RulesConfig } from '@/lib/rules/config';
import { wholeValueChecks, wholeValuePattern } from '../shared/wholeValue';

/**
 * HubSpot's side of server-side enforcement: the three properties required on every won stage
 * (pipeline "conditional stage properties"), and a property validation rule per property whose
 * regular expression accepts a value only when it is not a whole-value placeholder. The pattern
 * has no flags (HubSpot takes none) and no capture groups (HubSpot's engine has none), so case is
 * spelled out: [tT][bB][dD].
 */

export interface HubSpotPropertyRule {
  element: ElementKey;
  label: string;
  property: string;
  /** Full-match pattern that accepts the value. */
  regex: string;
  /** The property validations API call that sets it. */
  apiPath: string;
  apiBody: string;
}

export interface HubSpotSetup {
  /** Properties to mark required on each won stage. */
  requiredProperties: { element: ElementKey; label: string; property: string }[];
  /** Validation rules; empty when the rules in force block nothing a pattern can express. */
  validations: HubSpotPropertyRule[];
}

/** "tbd" → "[tT][bB][dD]"; characters without case stay as they are. */
export function caseless(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      out += c + (pattern[++i] ?? '');
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    const upper = c.toUpperCase();
    const lower = c.toLowerCase();
    out += !inClass && upper !== lower && upper.length === 1 ? `[${lower}${upper}]` : c;
  }
  return out;
}

/** Accepts anything except the refused whole values: a negative lookahead over them. */
export function acceptingRegex(refused: string): string {
  return `^(?!(?:${refused})$)[\\s\\S]*$`;
}

export function hubspotSetup(mapping: HubSpotMapping, rules: RulesConfig): HubSpotSetup {
  const checks = wholeValueChecks(rules);
  return {
    requiredProperties: checks
      .filter((c) => c.blank)
      .map((c) => ({ element: c.element, label: ELEMENT_LABELS[c.element], property: mapping[c.element] })),
    validations: checks.flatMap((c) => {
      // Blank is the stage requirement's job: HubSpot does not validate an empty value.
      const refused = wholeValuePattern({ ...c, blank: false }, caseless);
      if (refused === null) return [];
      const property = mapping[c.element];
      const regex = acceptingRegex(refused);
      return [
        {
          element: c.element,
          label: ELEMENT_LABELS[c.element],
          property,
          regex,
          apiPath: `PUT /crm/v3/property-validations/0-3/${property}/rule-type/REGEX`,
          apiBody: JSON.stringify({ ruleArguments: [regex] }, null, 2),
        },
      ];
    }),
  };
}

/**
 * What a HubSpot portal can do to keep Baton's notes (overrides, CS acknowledgements, reviews),
 * in words: HubSpot runs no code when a note is deleted and has no validation on notes, so
 * nothing in the portal can refuse the deletion itself; permissions and the audit log are what
 * there is. Sources: user permissions (https://knowledge.hubspot.com/user-management/hubspot-user-permissions-guide),
 * archived objects (https://developers.hubspot.com/docs/api-reference/latest/crm/activities/notes/guide),
 * the audit log API (https://developers.hubspot.com/docs/api/settings/account-activity-api, Enterprise only).
 */
export const HUBSPOT_AUDIT_STEPS: readonly { title: string; text: string }[] = [
  {
    title: 'Not possible',
    text: 'HubSpot has no trigger or rule that runs when a note is deleted: whoever may delete notes, in the app or through the API with a token that can write notes, can delete Baton’s.',
  },
  {
    title: 'Permissions',
    text: 'Settings → Users & Teams → each sales rep → CRM → Notes: set Delete (and Edit) to None. “Their own” is not enough: Baton writes a rep’s override note as that rep.',
  },
  {
    title: 'Deleted notes still show',
    text: 'Baton’s console reads archived notes (the notes list with archived=true) and shows a deleted override as deleted. HubSpot says when a note was archived, not by whom.',
  },
  {
    title: 'Who deleted it (Enterprise)',
    text: 'The centralized audit log (Settings → Account management → Audit log, or GET /account-info/v3/activity/audit-logs) records user actions with the acting user; look for the note’s deletion around the date the console shows.',
  },
  {
    title: 'Tokens',
    text: 'A private app token acts with its scopes, not a person’s permissions, and every note written with it names the app’s creator. Connect reps with OAuth so notes name the rep, and keep private app tokens to administrators.',
  },
];
