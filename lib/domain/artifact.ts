/**
 * The handoff artifact as Baton understands it: the raw CRM text of every element, plus the
 * parsed form of the four list-shaped ones. The raw text stays alongside so the rules can judge
 * wording (placeholders, copied text) and nothing is lost to parsing.
 */
import { z } from '@/lib/zod';
import { RawArtifact } from '@/lib/domain/elements';
import { ParsedPromises, ParsedRiskFlags, ParsedStakeholders, ParsedTimeline } from '@/lib/domain/items';
import { parseRiskFlags } from '@/lib/domain/riskFlags';
import { parsePromises } from '@/lib/domain/promises';
import { parseStakeholders } from '@/lib/domain/stakeholders';
import { parseTimeline } from '@/lib/domain/timeline';

export const ParsedArtifact = z.object({
  raw: RawArtifact,
  riskFlags: ParsedRiskFlags,
  promises: ParsedPromises,
  stakeholders: ParsedStakeholders,
  timeline: ParsedTimeline,
});
export type ParsedArtifact = z.infer<typeof ParsedArtifact>;

/** Parses every list-shaped element. Never throws, whatever the CRM returned. */
export function parseArtifact(raw: RawArtifact): ParsedArtifact {
  return {
    raw,
    riskFlags: parseRiskFlags(raw.riskFlags),
    promises: parsePromises(raw.promises),
    stakeholders: parseStakeholders(raw.stakeholders),
    timeline: parseTimeline(raw.timeline),
  };
}
