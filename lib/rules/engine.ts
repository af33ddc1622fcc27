import { ELEMENT_KEYS, type ElementKey } from '@/lib/domain/elements';
import type { ParsedArtifact } from '@/lib/domain/artifact';
import { DEFAULT_RULE_MODES, type RulesConfig } from './config';
import { RULE_IDS, type DealContext, type Finding, type RuleId } from './types';
import type { PreparedArtifact } from './prepare';

/**
 * Shared machinery of the rules: where findings are collected (with the rule's configured
 * severity, a cap on line findings, and the canonical order) and the per-element assessment
 * every rule family reads.
 */

/** At most this many line findings per element and rule; the rest become one summary finding. */
export const MAX_LINE_FINDINGS = 20;

/** What an element holds, judged once per evaluation (independent of rule modes). */
export type ElementStatus = 'empty' | 'punctuation' | 'placeholder' | 'filled';

export interface ElementAssessment {
  status: ElementStatus;
  /** Lines (1-based) of a filled list element that are placeholders on their own. */
  placeholderLines: ReadonlySet<number>;
}

/** Everything a rule family gets. Rule families only read it and add findings to the sink. */
export interface RuleInput {
  parsed: ParsedArtifact;
  ctx: DealContext;
  config: RulesConfig;
  text: PreparedArtifact;
  assessed: Record<ElementKey, ElementAssessment>;
  sink: FindingSink;
}

export type RuleFamily = (input: RuleInput) => void;

/** Position of each element in ELEMENT_KEYS and of each rule in RULE_IDS. */
export const ELEMENT_ORDER: ReadonlyMap<ElementKey, number> = new Map(ELEMENT_KEYS.map((k, i) => [k, i]));
export const RULE_ORDER: ReadonlyMap<RuleId, number> = new Map(RULE_IDS.map((r, i) => [r, i]));

interface Overflow {
  element: ElementKey;
  rule: RuleId;
  omitted: number;
  firstLine: number;
  fix: string;
}

/** Collects findings. Severity comes from the rule's mode; a rule in mode off adds nothing. */
export class FindingSink {
  private readonly list: Finding[] = [];
  /** Line findings added so far, per element × rule (index: element * RULE_IDS.length + rule). */
  private lineCounts: Uint32Array | null = null;
  private overflow: Map<number, Overflow> | null = null;

  constructor(private readonly config: RulesConfig) {}

  mode(rule: RuleId): 'block' | 'warn' | 'off' {
    const mode = this.config.modes[rule] ?? DEFAULT_RULE_MODES[rule];
    return mode === 'block' || mode === 'warn' ? mode : 'off';
  }

  on(rule: RuleId): boolean {
    return this.mode(rule) !== 'off';
  }

  add(rule: RuleId, element: ElementKey, message: string, fix: string, line?: number): void {
    const severity = this.mode(rule);
    if (severity === 'off') return;
    if (line !== undefined) {
      const key = (ELEMENT_ORDER.get(element) ?? 0) * RULE_IDS.length + (RULE_ORDER.get(rule) ?? 0);
      this.lineCounts ??= new Uint32Array(ELEMENT_KEYS.length * RULE_IDS.length);
      const count = ++this.lineCounts[key]!;
      if (count > MAX_LINE_FINDINGS) {
        this.overflow ??= new Map();
        const o = this.overflow.get(key);
        if (o === undefined) this.overflow.set(key, { element, rule, omitted: 1, firstLine: line, fix });
        else {
          o.omitted++;
          if (line < o.firstLine) o.firstLine = line;
        }
        return;
      }
      this.list.push({ rule, element, severity, message, fix, line });
    } else {
      this.list.push({ rule, element, severity, message, fix });
    }
  }

  /** The findings in canonical order: element (ELEMENT_KEYS), rule (RULE_IDS), line, then as added. */
  finish(): Finding[] {
    for (const { element, rule, ...o } of this.overflow?.values() ?? []) {
      const severity = this.mode(rule);
      if (severity === 'off') continue;
      this.list.push({
        rule,
        element,
        severity,
        message: `${o.omitted} more ${o.omitted === 1 ? 'line has' : 'lines have'} the same problem, from line ${o.firstLine} on.`,
        fix: o.fix,
        line: o.firstLine,
      });
    }
    return this.list.length > 1 ? this.list.sort(compareFindings) : this.list;
  }
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (ELEMENT_ORDER.get(a.element) ?? 0) - (ELEMENT_ORDER.get(b.element) ?? 0) ||
    (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0) ||
    (a.line ?? 0) - (b.line ?? 0)
  );
}
