import { ELEMENT_KEYS, type ElementKey } from '@/lib/domain/elements';
import type { ParsedArtifact } from '@/lib/domain/artifact';
import type { ElementAssessment } from './engine';
import { LIST_ELEMENTS, type PreparedArtifact, type PreparedElement } from './prepare';
import { PlaceholderLevel, placeholderLevel } from './placeholderText';

const NO_LINES: ReadonlySet<number> = new Set();

/**
 * A bare "none" / "n/a" in the risk flags is the parser's `unconfirmedNone`, reported by
 * risk-none-unconfirmed: it is an answer that needs a confirmation, not a placeholder. Weak
 * placeholders ("none", "n/a", "nothing") are therefore not placeholders there; TBD still is.
 */
function levelOf(key: ElementKey, norm: string, parsed: ParsedArtifact): PlaceholderLevel {
  const level = placeholderLevel(norm);
  if (level === PlaceholderLevel.Weak && key === 'riskFlags' && parsed.riskFlags.unconfirmedNone) {
    return PlaceholderLevel.None;
  }
  return level;
}

export function assessElement(el: PreparedElement, parsed: ParsedArtifact): ElementAssessment {
  if (el.empty) return { status: 'empty', placeholderLines: NO_LINES };
  if (el.punctuationOnly) return { status: 'punctuation', placeholderLines: NO_LINES };
  if (levelOf(el.key, el.norm, parsed) !== PlaceholderLevel.None) return { status: 'placeholder', placeholderLines: NO_LINES };
  let placeholderLines = NO_LINES;
  if (LIST_ELEMENTS.has(el.key) && el.lines.length > 1) {
    const found = new Set<number>();
    for (const line of el.lines) {
      if (levelOf(el.key, line.norm, parsed) !== PlaceholderLevel.None) found.add(line.line);
    }
    if (found.size > 0) placeholderLines = found;
  }
  return { status: 'filled', placeholderLines };
}

export function assessArtifact(text: PreparedArtifact, parsed: ParsedArtifact): Record<ElementKey, ElementAssessment> {
  const out = {} as Record<ElementKey, ElementAssessment>;
  for (const key of ELEMENT_KEYS) out[key] = assessElement(text[key], parsed);
  return out;
}

/** Filled with real content: not empty, not punctuation, not a placeholder. */
export function isFilled(a: ElementAssessment): boolean {
  return a.status === 'filled';
}
