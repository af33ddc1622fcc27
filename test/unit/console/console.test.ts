import { describe, expect, it } from 'vitest';
import type { TeamDeal } from '@/lib/domain/team';
import { dealHeader } from '@/lib/domain/header';
import { emptyArtifact, type RawArtifact } from '@/lib/domain/elements';
import { ACTIVITY_SUBJECTS } from '@/lib/domain/activity';
import { defaultAuditPolicy } from '@/lib/domain/authorship';
import { defaultRulesConfig } from '@/lib/rules/config';
import { toConsoleRow, type ConsoleRow } from '@/lib/console/rows';
import { NO_FILTERS, createConsoleTable } from '@/lib/console/table';
import { drawSample, sampleWeight, seededRandom } from '@/lib/console/sample';
import { consoleCsv, csvCell, toCsv, csvBlob } from '@/lib/console/csv';
import { countedReasons, ownerSummaries, scoreDistribution, weekOf, weeklyTrend } from '@/lib/console/team';
import { JUNK } from '@/test/fixtures/team';
import { GOOD_HANDOFF } from '@/test/fixtures/handoffs';

const TODAY = '2026-12-01';
let n = 0;

function teamDeal(over: Partial<TeamDeal> & { handoff?: Partial<RawArtifact> } = {}): TeamDeal {
  const id = String(++n).padStart(6, '0');
  const { handoff, ...rest } = over;
  return {
    deal: { crm: 'salesforce', instance: 'acme', recordId: `006SEED${id}` },
    url: `https://acme.lightning.force.com/lightning/r/Opportunity/006SEED${id}/view`,
    name: `Deal ${id}`,
    owner: 'Grace Hopper',
    ownerId: '005Hs000001xyzAIAQ',
    account: 'Acme',
    amount: 1000,
    currency: null,
    closeDate: '2026-11-20',
    stage: { value: 'Closed Won', label: 'Closed Won' },
    status: 'won',
    artifact: { ...emptyArtifact(), ...(handoff ?? GOOD_HANDOFF) },
    activities: [],
    csmRating: null,
    ...rest,
  };
}

const row = (over: Parameters<typeof teamDeal>[0] = {}, reviewed = new Set<string>()): ConsoleRow => toConsoleRow(teamDeal(over), defaultRulesConfig(), TODAY, reviewed, defaultAuditPolicy());
const SAM = { id: '005Hs000001xyzAIAQ', name: 'Sam', email: null, groups: [] };
const CEE = { id: '005Hs00000CeeCsAAA', name: 'Cee', email: null, groups: ['Customer Success'] };
const override = (reason: string) => ({ kind: 'override' as const, at: '2026-11-20T10:00:00Z', author: SAM, deleted: null, subject: ACTIVITY_SUBJECTS.override, body: `Closed anyway.\n\nReason given: ${reason}`, rating: null });
const ack = (rating: number) => ({ kind: 'acknowledgement' as const, at: '2026-11-21T10:00:00Z', author: CEE, deleted: null, subject: ACTIVITY_SUBJECTS.acknowledgement, body: `Rating: ${rating}/5`, rating });

describe('console rows', () => {
  it('score a good handoff high and name what a junk one misses', () => {
    const good = row();
    const junk = row({ handoff: JUNK });
    expect(good.score).toBeGreaterThan(80);
    expect(good.missing).toEqual([]);
    expect(junk.score).toBeLessThan(40);
    expect(junk.missing).toEqual(['useCase', 'successMetric', 'riskFlags']);
    expect(junk.placeholder).toBe(true);
    expect(row({ handoff: {} }).missing).toEqual(['useCase', 'successMetric', 'riskFlags']);
  });

  it('summarise overrides with their reasons, acknowledgement and the CSM rating', () => {
    const r = row({ activities: [override('Signed early'), ack(3)] });
    expect(r).toMatchObject({ overrides: 1, overrideReasons: ['Signed early'], acknowledged: true, csmRating: 3 });
    expect(row({ activities: [ack(3)], csmRating: 5 }).csmRating).toBe(5); // the mapped field wins
    expect(row().owner).toBe('Grace Hopper');
    expect(row({ owner: null }).owner).toBe('Unassigned');
  });

  it('carry the deal header, currency included, with the owner always named', () => {
    const team = teamDeal({ currency: 'EUR', owner: null });
    expect(toConsoleRow(team, defaultRulesConfig(), TODAY, new Set(), defaultAuditPolicy())).toMatchObject({ ...dealHeader(team), owner: 'Unassigned' });
  });
});

describe('console table (TanStack row models)', () => {
  const rows = [
    row({ name: 'Acme renewal', owner: 'Ada', handoff: GOOD_HANDOFF }),
    row({ name: 'Globex pilot', owner: 'Alan', handoff: JUNK, activities: [override('Deadline')] }),
    row({ name: 'Initech expansion', owner: 'Ada', handoff: {}, status: 'open', stage: { value: 'Negotiation/Review', label: 'Negotiation/Review' } }),
    row({ name: 'Hooli', owner: 'Alan', handoff: GOOD_HANDOFF, activities: [ack(4)], deal: { crm: 'hubspot', instance: '12345', recordId: '41000000001' } }),
  ];
  const names = (f = NO_FILTERS, sort = [{ id: 'score', desc: false }]) => createConsoleTable(rows, f, sort).getRowModel().rows.map((r) => r.original.name);

  it('filters by owner, CRM, status, score range, override and acknowledgement', () => {
    expect(names({ ...NO_FILTERS, owner: 'Ada' }).sort()).toEqual(['Acme renewal', 'Initech expansion']);
    expect(names({ ...NO_FILTERS, crm: 'hubspot' })).toEqual(['Hooli']);
    expect(names({ ...NO_FILTERS, status: 'open' })).toEqual(['Initech expansion']);
    expect(names({ ...NO_FILTERS, scoreMin: 80 }).sort()).toEqual(['Acme renewal', 'Hooli']);
    expect(names({ ...NO_FILTERS, scoreMax: 40 }).sort()).toEqual(['Globex pilot', 'Initech expansion']);
    expect(names({ ...NO_FILTERS, hasOverride: true })).toEqual(['Globex pilot']);
    expect(names({ ...NO_FILTERS, unacknowledged: true })).not.toContain('Hooli');
    expect(names({ ...NO_FILTERS, unacknowledged: true })).toHaveLength(3);
  });

  it('searches every word across name, owner, stage and source', () => {
    expect(names({ ...NO_FILTERS, search: 'negotiation ada' })).toEqual(['Initech expansion']);
    expect(names({ ...NO_FILTERS, search: 'HUBSPOT' })).toEqual(['Hooli']);
    expect(names({ ...NO_FILTERS, search: 'nobody' })).toEqual([]);
  });

  it('sorts by any column, both ways', () => {
    expect(names(NO_FILTERS, [{ id: 'name', desc: false }])).toEqual(['Acme renewal', 'Globex pilot', 'Hooli', 'Initech expansion']);
    expect(names(NO_FILTERS, [{ id: 'name', desc: true }])[0]).toBe('Initech expansion');
    expect(names(NO_FILTERS, [{ id: 'overrides', desc: true }])[0]).toBe('Globex pilot');
    const scores = createConsoleTable(rows, NO_FILTERS, [{ id: 'score', desc: true }]).getRowModel().rows.map((r) => r.original.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('sampling', () => {
  const many = Array.from({ length: 200 }, (_, i) => ({ key: `salesforce:acme:006${String(i).padStart(12, '0')}`, score: i % 2 === 0 ? 100 : 10, overrides: i % 10 === 1 ? 1 : 0 }));

  it('is reproducible from the seed, whatever order the deals come in', () => {
    const a = drawSample(many, 10, 42).map((r) => r.key);
    const b = drawSample([...many].reverse(), 10, 42).map((r) => r.key);
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(10);
    expect(drawSample(many, 10, 43).map((r) => r.key)).not.toEqual(a);
  });

  it('draws low scores and overrides more often', () => {
    let low = 0;
    let overridden = 0;
    for (let seed = 1; seed <= 200; seed++) {
      for (const r of drawSample(many, 10, seed)) {
        if (r.score === 10) low++;
        if (r.overrides > 0) overridden++;
      }
    }
    // Half the deals score 10; with weights 5.5 vs 1 they make up far more than half of the draws.
    expect(low / 2000).toBeGreaterThan(0.75);
    // A tenth carry an override; tripled weight puts them well above a tenth.
    expect(overridden / 2000).toBeGreaterThan(0.2);
    expect(sampleWeight({ score: 0, overrides: 1 })).toBe(18);
  });

  it('never draws more than there is, nor less than nothing', () => {
    expect(drawSample(many.slice(0, 3), 10, 1)).toHaveLength(3);
    expect(drawSample(many, 0, 1)).toEqual([]);
    const r = seededRandom(7);
    const xs = Array.from({ length: 1000 }, r);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 and ends rows with CRLF', () => {
    expect(toCsv(['a', 'b'], [['x, y', 'say "hi"'], ['line\nbreak', 3]])).toBe('a,b\r\n"x, y","say ""hi"""\r\n"line\nbreak",3\r\n');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('yes');
    expect(csvCell(' padded ')).toBe('" padded "');
  });

  it('quotes a semicolon and neutralises a formula after any separator, for ;-separated locales', () => {
    expect(csvCell("Acme;=cmd|' /C calc'!A0")).toBe(`"Acme;'=cmd|' /C calc'!A0"`);
    expect(csvCell('a, -1+2')).toBe(`"a, '-1+2"`);
    expect(csvCell('tab\t@SUM(A1)')).toBe(`"tab\t'@SUM(A1)"`);
    expect(csvCell('Use case; Success metric')).toBe('"Use case; Success metric"');
    expect(csvCell('a-b=c')).toBe('a-b=c'); // no separator before: plain text stays as typed
  });

  it('neutralises formulas in text cells, not in numbers', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(evil).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('Ümlaut ✓')).toBe('Ümlaut ✓');
  });

  it('exports the view’s rows with a UTF-8 byte-order mark', async () => {
    const csv = consoleCsv([row({ name: '=cmd|calc', activities: [override('Signed, "early"')] })]);
    const [header, line] = csv.split('\r\n');
    expect(header?.split(',')[0]).toBe('Deal');
    expect(line?.startsWith("'=cmd|calc,")).toBe(true);
    expect(line).toContain('"Signed, ""early"""');
    const bytes = new Uint8Array(await csvBlob(csv).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('team view', () => {
  it('sums up per AE', () => {
    const rows = [
      row({ owner: 'Ada', handoff: GOOD_HANDOFF, activities: [ack(4)] }),
      row({ owner: 'Ada', handoff: JUNK, activities: [override('Deadline')] }),
      row({ owner: 'Alan', handoff: GOOD_HANDOFF, status: 'open' }),
    ];
    const [ada, alan] = ownerSummaries(rows);
    expect(ada).toMatchObject({ owner: 'Ada', deals: 2, placeholderRate: 0.5, overrides: 1, overrideReasons: ['Deadline'], acknowledgedRate: 0.5, averageCsmRating: 4 });
    expect(ada?.averageScore).toBeCloseTo((rows[0]!.score + rows[1]!.score) / 2);
    expect(alan).toMatchObject({ owner: 'Alan', deals: 1, acknowledgedRate: null, averageCsmRating: null });
  });

  it('counts repeated override reasons', () => {
    expect(countedReasons(['Deadline', 'Signed early', 'Deadline'])).toEqual(['Deadline (×2)', 'Signed early']);
  });

  it('groups won deals by the Monday of their week, and scores into ten buckets', () => {
    expect(weekOf('2026-12-01')).toBe('2026-11-30'); // a Tuesday
    expect(weekOf('2026-11-30')).toBe('2026-11-30');
    expect(weekOf('2026-12-06')).toBe('2026-11-30'); // Sunday
    const rows = [row({ closeDate: '2026-11-24' }), row({ closeDate: '2026-11-26', handoff: JUNK }), row({ closeDate: '2026-12-01' }), row({ status: 'open', closeDate: '2026-12-01' })];
    const weeks = weeklyTrend(rows);
    expect(weeks.map((w) => [w.week, w.deals])).toEqual([['2026-11-23', 2], ['2026-11-30', 1]]);
    const buckets = scoreDistribution(rows);
    expect(buckets).toHaveLength(10);
    expect(buckets.reduce((a, b) => a + b.deals, 0)).toBe(4);
    expect(buckets[9]?.range).toBe('90–100');
  });
});
