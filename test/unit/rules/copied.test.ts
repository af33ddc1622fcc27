import { describe, expect, it } from 'vitest';
import { config, evalWith, findings } from './helpers';
import { GOOD_HANDOFF } from '@/test/fixtures/handoffs';

describe('rule: copied-between-elements', () => {
  it('a whole element copied into another is reported on the later element', () => {
    const e = evalWith({ whyBought: GOOD_HANDOFF.useCase });
    expect(findings(e, 'copied-between-elements')).toEqual([
      expect.objectContaining({ element: 'whyBought', severity: 'warn' }),
    ]);
    expect(findings(e, 'copied-between-elements')[0]?.message).toContain('use case');
    expect(findings(e, 'copied-between-elements')[0]?.line).toBeUndefined();
  });

  it('compares normalised text: case, punctuation and spacing do not hide a copy', () => {
    const e = evalWith({ knownGaps: GOOD_HANDOFF.useCase.toUpperCase().replace(/ /g, '   ').replace(/\./g, '!') });
    expect(findings(e, 'copied-between-elements', 'knownGaps')).toHaveLength(1);
  });

  it('one long sentence copied into another element is reported with its line', () => {
    const sentence = 'Team leads get live dashboards of backlog per region.';
    expect(GOOD_HANDOFF.useCase).toContain(sentence);
    const e = evalWith({ knownGaps: `No native Jira Server integration for now.\n${sentence} Reporting is manual today.` });
    expect(findings(e, 'copied-between-elements')).toEqual([
      expect.objectContaining({ element: 'knownGaps', line: 2 }),
    ]);
  });

  it('a copied risk line in the known gaps is found', () => {
    const e = evalWith({ knownGaps: 'Legal has not reviewed the DPA yet' });
    expect(findings(e, 'copied-between-elements', 'knownGaps')).toHaveLength(1);
  });

  it('short shared text is not a copy; the threshold decides what is long enough', () => {
    const text = { knownGaps: 'Jira Server integration is missing.\nAdmins trained' };
    expect(findings(evalWith(text), 'copied-between-elements')).toEqual([]);
    const low = config({}, (c) => (c.thresholds.copiedMinChars = 8));
    const e = evalWith({ knownGaps: 'Jira Server integration is missing.\nAdmins trained on the new routing' }, { config: low });
    expect(findings(e, 'copied-between-elements')).toEqual([]);
    const e2 = evalWith({ knownGaps: 'Jira Server integration is missing.\nFirst QBR' }, { config: low });
    expect(findings(e2, 'copied-between-elements')).toHaveLength(1); // "first qbr" (9 ≥ 8) is in the timeline
  });

  it('repeating a sentence inside one element is not copying between elements', () => {
    const s = 'The old tool cannot route tickets by region or language.';
    expect(findings(evalWith({ whyBought: `${s} ${s}` }), 'copied-between-elements')).toEqual([]);
  });

  it('each pair of elements is reported once', () => {
    const e = evalWith({ knownGaps: `${GOOD_HANDOFF.riskFlags}\nSomething else entirely different here.` });
    expect(findings(e, 'copied-between-elements')).toHaveLength(1);
  });

  it('placeholders are not copies', () => {
    const e = evalWith({ whyBought: 'TBD', knownGaps: 'TBD' });
    expect(findings(e, 'copied-between-elements')).toEqual([]);
  });

  it('different sentences that share a fingerprint are told apart; a real copy is still found', () => {
    // Same length, same characters at the sampled positions: they differ only in the second letter.
    const a = 'Agents route all inbound email to one shared queue.';
    const b = 'Abents route all inbound email to one shared queue.';
    const c = 'Acents route all inbound email to one shared queue.';
    const useCase = `${a} Second sentence of the use case.`;
    expect(findings(evalWith({ useCase, whyBought: b, knownGaps: c }), 'copied-between-elements')).toEqual([]);
    const e = evalWith({ useCase, whyBought: b, knownGaps: `${b} Plus a gap.` });
    expect(findings(e, 'copied-between-elements')).toEqual([expect.objectContaining({ element: 'knownGaps', line: 1 })]);
    expect(findings(e, 'copied-between-elements')[0]?.message).toContain('Why they bought');
  });

  it('sentences with the same length and edges but different words are not copies', () => {
    const e = evalWith({
      useCase: 'Alpha team moves all their mail to the queue. Second sentence for the use case here.',
      knownGaps: 'Alpha crew moves each their mail to the queue. Another sentence about the gaps here.',
    });
    expect(findings(e, 'copied-between-elements')).toEqual([]);
  });
});
