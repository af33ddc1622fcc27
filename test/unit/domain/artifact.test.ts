import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ParsedArtifact, parseArtifact } from '@/lib/domain/artifact';
import { emptyArtifact, RawArtifact } from '@/lib/domain/elements';
import { anyText } from './arbitraries';

const raw: RawArtifact = {
  useCase: 'Replace Zendesk for the 40-person support team',
  successMetric: 'First response time under 2 hours within 90 days of go-live',
  riskFlags: '[high] Champion leaves in March\nLegal has not reviewed the DPA',
  whyBought: 'Their Zendesk renewal doubled in price',
  promises: '[committed] SSO live before go-live | owner: Dana Lee | due: 2027-02-01 | sign-off: VP CS',
  stakeholders: 'Priya Shah | champion | priya@acme.com\nTom Ng — EB',
  timeline: 'Go-live: 2027-03-01\n30 days: Admins trained',
  knownGaps: 'No native Jira integration',
};

describe('parseArtifact', () => {
  it('parses the four list-shaped elements and keeps the raw text', () => {
    const parsed = parseArtifact(raw);
    expect(parsed.raw).toEqual(raw);
    expect(parsed.riskFlags.flags).toHaveLength(2);
    expect(parsed.promises.promises[0]).toMatchObject({ tier: 'committed', owner: 'Dana Lee', signOff: 'VP CS' });
    expect(parsed.stakeholders.stakeholders.map((s) => s.role)).toEqual(['champion', 'economic buyer']);
    expect(parsed.timeline.goLive).toBe('2027-03-01');
    expect(() => ParsedArtifact.parse(parsed)).not.toThrow();
  });

  it('parses an empty artifact into empty lists', () => {
    const parsed = parseArtifact(emptyArtifact());
    expect(parsed.riskFlags).toEqual({ flags: [], noRisksConfirmation: null, unconfirmedNone: false, unparsed: [] });
    expect(parsed.promises).toEqual({ promises: [], unparsed: [] });
    expect(parsed.stakeholders).toEqual({ stakeholders: [], unparsed: [] });
    expect(parsed.timeline).toEqual({ goLive: null, milestones: [], unparsed: [] });
  });

  it('always produces a value its schema accepts', () => {
    const arbitraryRaw = fc.record(Object.fromEntries(Object.keys(raw).map((k) => [k, anyText])) as Record<keyof RawArtifact, fc.Arbitrary<string>>);
    fc.assert(
      fc.property(arbitraryRaw, (value) => {
        expect(() => ParsedArtifact.parse(parseArtifact(value))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
