import { z } from '@/lib/zod';

/** The eight elements of the handoff artifact, in the order a CSM reads them. */
export const ELEMENT_KEYS = [
  'useCase',
  'successMetric',
  'riskFlags',
  'whyBought',
  'promises',
  'stakeholders',
  'timeline',
  'knownGaps',
] as const;

export const ElementKey = z.enum(ELEMENT_KEYS);
export type ElementKey = z.infer<typeof ElementKey>;

/** The three elements that block a close when missing or not good enough. */
export const NON_NEGOTIABLES = ['useCase', 'successMetric', 'riskFlags'] as const satisfies readonly ElementKey[];

export function isNonNegotiable(key: ElementKey): boolean {
  return (NON_NEGOTIABLES as readonly ElementKey[]).includes(key);
}

/** Labels shown to people; also the accessible names of the gate dialog's fields. */
export const ELEMENT_LABELS: Record<ElementKey, string> = {
  useCase: 'Use case',
  successMetric: 'Success metric',
  riskFlags: 'Risk flags',
  whyBought: 'Why they bought',
  promises: 'Promises made',
  stakeholders: 'Stakeholders',
  timeline: 'Timeline',
  knownGaps: 'Known gaps',
};

/**
 * The artifact as it lives in the CRM: one text value per element, '' when empty.
 * Values are untrusted text of any size; nothing here limits them, the rules cope.
 */
export const RawArtifact = z.object({
  useCase: z.string(),
  successMetric: z.string(),
  riskFlags: z.string(),
  whyBought: z.string(),
  promises: z.string(),
  stakeholders: z.string(),
  timeline: z.string(),
  knownGaps: z.string(),
});
export type RawArtifact = z.infer<typeof RawArtifact>;

/** The handoff fields a user typed; strict so a misspelt key is refused instead of silently dropped. */
export const ArtifactFields = RawArtifact.strict().partial();
export type ArtifactFields = z.infer<typeof ArtifactFields>;

export function emptyArtifact(): RawArtifact {
  return {
    useCase: '',
    successMetric: '',
    riskFlags: '',
    whyBought: '',
    promises: '',
    stakeholders: '',
    timeline: '',
    knownGaps: '',
  };
}
