/**
 * Benchmark of the manager console's table work at 5,000 deals. Run: npx tsx test/bench/console.bench.ts
 *
 * One TanStack table over the rows, built as the page builds it (createConsoleTable: the columns,
 * filter and sort functions the page uses); its core row model is made once per load, as in the
 * page. Each scenario (a filter, a search, a sort, all at once) then sets the table's state and
 * reads the row model: the recompute the page does when the manager changes a filter. Between
 * rounds the state goes back to the default, so no round reads a cached answer.
 * Baseline in the same run: the same selection written as a plain Array filter + sort.
 *
 * Goal (issue 6): filter and sort under 50 ms at 5,000 rows on a 2-core machine.
 */
import { toConsoleRow, type ConsoleRow } from '@/lib/console/rows';
import { DEFAULT_SORTING, NO_FILTERS, createConsoleTable, setConsoleView, type ConsoleFilters } from '@/lib/console/table';
import type { TeamDeal } from '@/lib/domain/team';
import { ACTIVITY_SUBJECTS } from '@/lib/domain/activity';
import { defaultAuditPolicy } from '@/lib/domain/authorship';
import { defaultRulesConfig } from '@/lib/rules/config';
import { generateArtifacts } from '@/test/fixtures/artifacts';
import { TEAM_AES } from '@/test/fixtures/team';
import type { SortingState } from '@tanstack/table-core';

const COUNT = 5_000;
const ROUNDS = Number(process.env.BATON_BENCH_ROUNDS ?? 15);
const TODAY = '2026-12-01';

const artifacts = generateArtifacts(COUNT);
const deals: TeamDeal[] = artifacts.map(({ raw }, i) => ({
  deal: { crm: i % 3 === 0 ? 'hubspot' : 'salesforce', instance: i % 3 === 0 ? '12345' : 'acme', recordId: `006BENCH${String(i).padStart(10, '0')}` },
  url: `https://acme.lightning.force.com/lightning/r/Opportunity/006BENCH${i}/view`,
  name: `${['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli'][i % 5]} deal ${i}`,
  owner: TEAM_AES[i % TEAM_AES.length] ?? null,
  ownerId: `005BENCH0000${i % TEAM_AES.length}AAA`,
  account: `Account ${i % 300}`,
  amount: (i * 7919) % 250_000,
  currency: null,
  closeDate: `2026-11-${String((i % 28) + 1).padStart(2, '0')}`,
  stage: { value: 'Closed Won', label: 'Closed Won' },
  status: i % 5 === 4 ? 'open' : 'won',
  artifact: raw,
  activities: i % 9 === 0 ? [{ kind: 'override', at: '2026-11-20T00:00:00Z', author: null, deleted: null, subject: ACTIVITY_SUBJECTS.override, body: 'Reason given: deadline', rating: null }] : [],
  csmRating: null,
}));

const rules = defaultRulesConfig();
let start = performance.now();
const rows: ConsoleRow[] = deals.map((d) => toConsoleRow(d, rules, TODAY, new Set(), defaultAuditPolicy()));
const scoring = performance.now() - start;

interface Scenario {
  name: string;
  filters: ConsoleFilters;
  sorting: SortingState;
  baseline(rows: readonly ConsoleRow[]): ConsoleRow[];
}

const byScore = (a: ConsoleRow, b: ConsoleRow) => a.score - b.score;
const SCENARIOS: Scenario[] = [
  { name: 'default (all, by score)', filters: NO_FILTERS, sorting: [{ id: 'score', desc: false }], baseline: (r) => [...r].sort(byScore) },
  { name: 'owner filter', filters: { ...NO_FILTERS, owner: 'Ada Lovelace' }, sorting: [{ id: 'score', desc: false }], baseline: (r) => r.filter((x) => x.owner === 'Ada Lovelace').sort(byScore) },
  {
    name: 'text search "acme deal 1"',
    filters: { ...NO_FILTERS, search: 'acme deal 1' },
    sorting: [{ id: 'score', desc: false }],
    baseline: (r) => r.filter((x) => ['acme', 'deal', '1'].every((w) => `${x.name}\n${x.owner}\n${x.account}\n${x.stage}\n${x.source}`.toLowerCase().includes(w))).sort(byScore),
  },
  { name: 'score 0–40 + has override', filters: { ...NO_FILTERS, scoreMax: 40, hasOverride: true }, sorting: [{ id: 'score', desc: false }], baseline: (r) => r.filter((x) => x.score <= 40 && x.overrides > 0).sort(byScore) },
  { name: 'sort by deal name', filters: NO_FILTERS, sorting: [{ id: 'name', desc: false }], baseline: (r) => [...r].sort((a, b) => a.name.localeCompare(b.name)) },
  { name: 'sort by amount, descending', filters: NO_FILTERS, sorting: [{ id: 'amount', desc: true }], baseline: (r) => [...r].sort((a, b) => (b.amount ?? -1) - (a.amount ?? -1)) },
  {
    name: 'everything at once',
    filters: { ...NO_FILTERS, search: 'deal', owner: 'Grace Hopper', crm: 'salesforce', status: 'won', scoreMin: 10, scoreMax: 90, unacknowledged: true },
    sorting: [{ id: 'closeDate', desc: true }],
    baseline: (r) => r.filter((x) => x.name.toLowerCase().includes('deal') && x.owner === 'Grace Hopper' && x.crm === 'salesforce' && x.status === 'won' && x.score >= 10 && x.score <= 90 && !x.acknowledged).sort((a, b) => ((b.closeDate ?? '') < (a.closeDate ?? '') ? -1 : 1)),
  },
];

start = performance.now();
const table = createConsoleTable(rows, NO_FILTERS, DEFAULT_SORTING);
table.getCoreRowModel();
const building = performance.now() - start;

const fmt = (n: number, d = 1) => n.toFixed(d);
console.log('Baton console benchmark');
console.log(`node ${process.version}, ${COUNT} deals, best / median / worst of ${ROUNDS} rounds after warm-up`);
console.log(`once per load: scoring the rows (rules engine) ${fmt(scoring)} ms, building the table ${fmt(building)} ms`);
console.log('');
let worst = 0;
for (const s of SCENARIOS) {
  const tableTimes: number[] = [];
  const plain: number[] = [];
  let tableCount = 0;
  let plainCount = 0;
  for (let round = -2; round < ROUNDS; round++) {
    setConsoleView(table, { ...NO_FILTERS, search: 'reset' }, [{ id: 'findings', desc: true }]);
    table.getRowModel();
    start = performance.now();
    setConsoleView(table, s.filters, s.sorting);
    tableCount = table.getRowModel().rows.length;
    const t = performance.now() - start;
    start = performance.now();
    plainCount = s.baseline(rows).length;
    const p = performance.now() - start;
    if (round >= 0) {
      tableTimes.push(t);
      plain.push(p);
    }
  }
  if (tableCount !== plainCount) throw new Error(`${s.name}: the table kept ${tableCount} rows, the baseline ${plainCount}`);
  tableTimes.sort((a, b) => a - b);
  plain.sort((a, b) => a - b);
  const median = (xs: number[]) => xs[Math.floor(xs.length / 2)] ?? 0;
  worst = Math.max(worst, tableTimes.at(-1) ?? 0);
  console.log(
    `  ${s.name.padEnd(30)} ${String(tableCount).padStart(5)} rows  table ${fmt(tableTimes[0] ?? 0)} / ${fmt(median(tableTimes))} / ${fmt(tableTimes.at(-1) ?? 0)} ms` +
      `   plain-array baseline ${fmt(median(plain))} ms   ratio ${fmt(median(tableTimes) / Math.max(0.01, median(plain)), 2)}x`,
  );
}
console.log('');
console.log(`worst single recompute: ${fmt(worst)} ms (goal under 50 ms)`);
