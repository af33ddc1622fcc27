import { describe, expect, it } from 'vitest';
import { parsePromises, serializePromises } from '@/lib/domain/promises';
import type { HandoffPromise } from '@/lib/domain/items';

const promise = (over: Partial<HandoffPromise>): HandoffPromise => ({
  text: 'x',
  tier: null,
  owner: null,
  due: null,
  signOff: null,
  promisedBy: null,
  promisedOn: null,
  ...over,
});

const CANONICAL =
  '[committed] SSO live before go-live | owner: Dana Lee | due: 2027-02-01 | sign-off: VP CS | promised by: Sam Rep | promised on: 2026-11-02';

describe('parsePromises', () => {
  it('reads the canonical line', () => {
    expect(parsePromises(CANONICAL)).toEqual({
      promises: [
        {
          text: 'SSO live before go-live',
          tier: 'committed',
          owner: 'Dana Lee',
          due: '2027-02-01',
          signOff: 'VP CS',
          promisedBy: 'Sam Rep',
          promisedOn: '2026-11-02',
        },
      ],
      unparsed: [],
    });
  });

  it.each([
    ['[committed] Salesforce sync', 'committed'],
    ['(Committed) Salesforce sync', 'committed'],
    ['Committed: Salesforce sync', 'committed'],
    ['COMMITTED - Salesforce sync', 'committed'],
    ['[planned] Salesforce sync', 'planned'],
    ['Planned: Salesforce sync', 'planned'],
    ['(exploring) Salesforce sync', 'exploring'],
    ['[verbal] Salesforce sync', 'verbal'],
    ['Verbal: Salesforce sync', 'verbal'],
    ['Unconfirmed verbal: Salesforce sync', 'verbal'],
    ['[Unconfirmed Verbal] Salesforce sync', 'verbal'],
    ['(unconfirmed) Salesforce sync', 'verbal'],
    ['- [committed] Salesforce sync', 'committed'],
    ['Salesforce sync', null],
  ])('reads the tier of %j', (line, tier) => {
    expect(parsePromises(line).promises).toEqual([promise({ text: 'Salesforce sync', tier: tier as HandoffPromise['tier'] })]);
  });

  it('keeps brackets that are not a tier as part of the text', () => {
    expect(parsePromises('[Phase 2] Custom reports').promises[0]).toMatchObject({ text: '[Phase 2] Custom reports', tier: null });
  });

  it.each<[string, Partial<HandoffPromise>]>([
    ['owner: Dana Lee', { owner: 'Dana Lee' }],
    ['Owner : Dana Lee', { owner: 'Dana Lee' }],
    ['due: 2027-02-01', { due: '2027-02-01' }],
    ['due date: 1 Feb 2027', { due: '2027-02-01' }],
    ['date: February 1, 2027', { due: '2027-02-01' }],
    ['sign-off: VP CS', { signOff: 'VP CS' }],
    ['signoff: VP CS', { signOff: 'VP CS' }],
    ['Sign off: VP CS', { signOff: 'VP CS' }],
    ['signed off by: VP CS', { signOff: 'VP CS' }],
    ['promised by: Sam Rep', { promisedBy: 'Sam Rep' }],
    ['by: Sam Rep', { promisedBy: 'Sam Rep' }],
    ['promised on: 2026-11-02', { promisedOn: '2026-11-02' }],
    ['on: Nov 2 2026', { promisedOn: '2026-11-02' }],
    ['tier: planned', { tier: 'planned' }],
  ])('reads the detail %j', (segment, fields) => {
    const parsed = parsePromises(`Custom reports | ${segment}`);
    expect(parsed.promises).toEqual([promise({ text: 'Custom reports', ...fields })]);
    expect(parsed.unparsed).toEqual([]);
  });

  it('accepts ";" between details, but only in front of a known key', () => {
    const parsed = parsePromises('[planned] Migrate tickets; keep attachments; owner: Dana Lee; due: 2027-04-01');
    expect(parsed.promises).toEqual([
      promise({ text: 'Migrate tickets; keep attachments', tier: 'planned', owner: 'Dana Lee', due: '2027-04-01' }),
    ]);
  });

  it('keeps the promise and reports a detail with a bad date', () => {
    const parsed = parsePromises('Note line\n[committed] SSO | owner: Dana Lee | due: end of Q1');
    expect(parsed.promises[1]).toEqual(promise({ text: 'SSO', tier: 'committed', owner: 'Dana Lee' }));
    expect(parsed.unparsed).toEqual([
      { line: 2, text: 'due: end of Q1', reason: expect.stringMatching(/due date.*“end of Q1”.*YYYY-MM-DD/) },
    ]);
  });

  it('reports an ambiguous date instead of guessing', () => {
    const parsed = parsePromises('SSO | due: 03/04/2027');
    expect(parsed.promises[0]?.due).toBeNull();
    expect(parsed.unparsed[0]?.reason).toMatch(/day-first or month-first/);
  });

  it('reports unknown keys, details without a key, empty and repeated details', () => {
    const parsed = parsePromises(
      'SSO | colour: blue | asap | owner: | owner: Dana | owner: Sam | 2027-02-01 | tier: maybe',
    );
    expect(parsed.promises).toEqual([promise({ text: 'SSO', owner: 'Dana' })]);
    expect(parsed.unparsed.map((u) => [u.line, u.text])).toEqual([
      [1, 'colour: blue'],
      [1, 'asap'],
      [1, 'owner:'],
      [1, 'owner: Sam'],
      [1, '2027-02-01'],
      [1, 'tier: maybe'],
    ]);
    const reasons = parsed.unparsed.map((u) => u.reason);
    expect(reasons[0]).toMatch(/“colour” is not a promise detail/);
    expect(reasons[1]).toMatch(/key: value/);
    expect(reasons[2]).toMatch(/owner is empty/);
    expect(reasons[3]).toMatch(/given twice.*“Dana”/);
    expect(reasons[5]).toMatch(/not a tier/);
  });

  it('reports a tier given twice with different values', () => {
    const parsed = parsePromises('[committed] SSO | tier: exploring');
    expect(parsed.promises[0]?.tier).toBe('committed');
    expect(parsed.unparsed[0]?.reason).toMatch(/tier is given twice/);
  });

  it('reports a line with details but no description as a whole', () => {
    const parsed = parsePromises('[committed] | owner: Dana Lee\n| due: 2027-01-01');
    expect(parsed.promises).toEqual([]);
    expect(parsed.unparsed).toEqual([
      { line: 1, text: '[committed] | owner: Dana Lee', reason: expect.stringMatching(/needs a description/) },
      { line: 2, text: '| due: 2027-01-01', reason: expect.stringMatching(/needs a description/) },
    ]);
  });

  it('ignores empty segments where nothing was typed', () => {
    const parsed = parsePromises('SSO || owner: Dana |');
    expect(parsed.promises).toEqual([promise({ text: 'SSO', owner: 'Dana' })]);
    expect(parsed.unparsed).toEqual([]);
  });
});

describe('serializePromises', () => {
  it('writes the non-null details in canonical order', () => {
    expect(
      serializePromises({
        promises: [
          promise({ text: 'SSO', tier: 'committed', promisedOn: '2026-11-02', owner: 'Dana Lee', due: '2027-02-01' }),
          promise({ text: 'Slack alerts', tier: 'verbal' }),
          promise({ text: 'API', promisedBy: 'Sam Rep' }),
        ],
        unparsed: [],
      }),
    ).toBe('[committed] SSO | owner: Dana Lee | due: 2027-02-01 | promised on: 2026-11-02\n[verbal] Slack alerts\nAPI | promised by: Sam Rep');
  });

  it('turns tolerant input into the canonical line', () => {
    const messy = '* Committed: SSO live before go-live; Sign Off: VP CS | Promised On: 2 Nov 2026 | owner: Dana Lee | due date: Feb 1, 2027 | by: Sam Rep';
    expect(serializePromises(parsePromises(messy))).toBe(CANONICAL);
  });
});
