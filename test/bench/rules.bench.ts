/**
 * Benchmark of the rules engine. Run: npx tsx test/bench/rules.bench.ts
 *
 *  1. 10,000 realistic artifacts (test/fixtures/artifacts.ts, the usual mix of good, mediocre,
 *     junk and empty): total time, throughput, p50 / p99 per artifact, for the rules alone
 *     (evaluateArtifact on parsed input) and for parse + rules (evaluateRaw), against two
 *     baselines measured in the same run: parseArtifact alone, and normalizeForMatch on every field.
 *  2. Pathological artifacts (every field 1, 10 and 100 KB of hostile text aimed at regex
 *     backtracking and quadratic loops): time per KB at each size and the 100 KB / 1 KB ratio,
 *     which stays near 1 when the work is linear.
 *
 * Goals on a 2-core machine: 10,000 artifacts under 250 ms, p99 under 0.1 ms, flat time per KB.
 */
import { parseArtifact, type ParsedArtifact } from '@/lib/domain/artifact';
import { ELEMENT_KEYS, type RawArtifact } from '@/lib/domain/elements';
import { normalizeForMatch } from '@/lib/domain/text';
import { defaultRulesConfig } from '@/lib/rules/config';
import { evaluateArtifact, evaluateRaw } from '@/lib/rules';
import type { DealContext } from '@/lib/rules/types';
import {
  fixtureContext,
  generateArtifacts,
  PATHOLOGICAL_SHAPES,
  pathologicalArtifact,
} from '@/test/fixtures/artifacts';

const COUNT = 10_000;
const config = defaultRulesConfig();

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

interface Run {
  total: number;
  p50: number;
  p99: number;
}

/** Runs `f` over every item once, timing each call; returns total and per-call percentiles (ms). */
function measure<T>(items: readonly T[], f: (item: T) => unknown): Run {
  const times = new Float64Array(items.length);
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < items.length; i++) {
    const t0 = performance.now();
    const out = f(items[i] as T);
    times[i] = performance.now() - t0;
    if (out !== undefined) sink++;
  }
  const total = performance.now() - start;
  if (sink < 0) console.log(sink); // keep the results alive
  const sorted = Array.from(times).sort((a, b) => a - b);
  return { total, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** Total time of `f` over every item, without per-call timers (the honest throughput figure). */
function total<T>(items: readonly T[], f: (item: T) => unknown): number {
  let sink = 0;
  const start = performance.now();
  for (const item of items) if (f(item) !== undefined) sink++;
  const ms = performance.now() - start;
  if (sink < 0) console.log(sink);
  return ms;
}

function normalizeAll(raw: RawArtifact): number {
  let n = 0;
  for (const key of ELEMENT_KEYS) n += normalizeForMatch(raw[key]).length;
  return n;
}

// ---- 1. realistic artifacts --------------------------------------------------------------

const generated = generateArtifacts(COUNT, 1);
const raws = generated.map((g) => ({ raw: g.raw, ctx: g.ctx }));
const parsed: { parsed: ParsedArtifact; ctx: DealContext }[] = generated.map((g) => ({ parsed: parseArtifact(g.raw), ctx: g.ctx }));
const avgChars = raws.reduce((n, { raw }) => n + ELEMENT_KEYS.reduce((m, k) => m + raw[k].length, 0), 0) / COUNT;
const kinds = new Map<string, number>();
for (const g of generated) kinds.set(g.kind, (kinds.get(g.kind) ?? 0) + 1);

const rules = ({ parsed: p, ctx }: { parsed: ParsedArtifact; ctx: DealContext }) => evaluateArtifact(p, ctx, config);
const full = ({ raw, ctx }: { raw: RawArtifact; ctx: DealContext }) => evaluateRaw(raw, ctx, config);
const parseOnly = ({ raw }: { raw: RawArtifact }) => parseArtifact(raw);
const normalizeOnly = ({ raw }: { raw: RawArtifact }) => normalizeAll(raw);

// Warm-up: let the JIT compile every path before anything is measured.
for (let i = 0; i < 3; i++) {
  total(parsed, rules);
  total(raws, full);
  total(raws, parseOnly);
  total(raws, normalizeOnly);
}

// Rounds interleave every measurement, and each figure is the best over the rounds: a shared
// machine's noise only ever adds time, and interleaving keeps a slow spell from hitting one
// figure but not its baseline.
const ROUNDS = 5;
let rulesTotal = Infinity;
let fullTotal = Infinity;
let parseTotal = Infinity;
let normalizeTotal = Infinity;
let rulesRun: Run = { total: Infinity, p50: Infinity, p99: Infinity };
let fullRun: Run = { total: Infinity, p50: Infinity, p99: Infinity };
for (let round = 0; round < ROUNDS; round++) {
  normalizeTotal = Math.min(normalizeTotal, total(raws, normalizeOnly));
  rulesTotal = Math.min(rulesTotal, total(parsed, rules));
  parseTotal = Math.min(parseTotal, total(raws, parseOnly));
  fullTotal = Math.min(fullTotal, total(raws, full));
  const r = measure(parsed, rules);
  if (r.p99 < rulesRun.p99) rulesRun = r;
  const f = measure(raws, full);
  if (f.p99 < fullRun.p99) fullRun = f;
}

console.log('Baton rules benchmark');
console.log(`node ${process.version}, ${COUNT} generated artifacts, ${fmt(avgChars, 0)} characters on average`);
console.log(`mix: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log('');
console.log(`Realistic artifacts (best of ${ROUNDS} interleaved rounds, after warm-up)`);
const line = (name: string, ms: number, run?: Run) =>
  console.log(
    `  ${name.padEnd(34)} total ${fmt(ms).padStart(7)} ms   ${fmt((COUNT / ms) * 1000, 0).padStart(8)} artifacts/s` +
      (run ? `   p50 ${fmt(run.p50, 4)} ms   p99 ${fmt(run.p99, 4)} ms` : ''),
  );
line('rules (evaluateArtifact)', rulesTotal, rulesRun);
line('parse + rules (evaluateRaw)', fullTotal, fullRun);
line('baseline: parseArtifact only', parseTotal);
line('baseline: normalizeForMatch per field', normalizeTotal);
console.log(`  ratio rules / normalize baseline:    ${fmt(rulesTotal / normalizeTotal, 2)}x`);
console.log(`  ratio rules / parse baseline:        ${fmt(rulesTotal / parseTotal, 2)}x`);
console.log(`  ratio parse+rules / parse baseline:  ${fmt(fullTotal / parseTotal, 2)}x`);
const goalTotal = rulesTotal < 250;
const goalP99 = rulesRun.p99 < 0.1;
console.log(`  goal 10,000 under 250 ms (rules): ${goalTotal ? 'met' : 'MISSED'} (${fmt(rulesTotal)} ms)`);
console.log(`  goal p99 under 0.1 ms (rules):    ${goalP99 ? 'met' : 'MISSED'} (${fmt(rulesRun.p99, 4)} ms)`);
console.log(`  same goals for parse + rules:     ${fullTotal < 250 ? 'met' : 'MISSED'} (${fmt(fullTotal)} ms), ${fullRun.p99 < 0.1 ? 'met' : 'MISSED'} (p99 ${fmt(fullRun.p99, 4)} ms)`);

// ---- 2. pathological artifacts -------------------------------------------------------------

const SIZES_KB = [1, 10, 100] as const;
const REPEATS = 4; // 9 shapes x 3 sizes x 4 = 108 pathological evaluations
const ctx = fixtureContext();

console.log('');
console.log(`Pathological artifacts (all 8 fields filled with the shape; evaluateRaw, median of ${REPEATS} runs)`);
console.log('  µs per KB of input at 1, 10 and 100 KB per field; "ratio" is 100KB/1KB per-KB time, near 1 when linear;');
console.log('  the right-hand block is normalizeForMatch (text.ts) alone on the same text, for comparison');
const sizes = SIZES_KB.map((kb) => `${kb} KB`.padStart(10)).join('');
console.log(`  ${''.padEnd(12)}${'evaluateRaw'.padStart(30)}${''.padStart(8)}${'normalizeForMatch'.padStart(30)}`);
console.log(`  ${'shape'.padEnd(12)}${sizes}   ratio${sizes}   ratio   findings`);
let evaluations = 0;
let worstRatio = 0;

function medianMs(runs: number, f: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

for (const shape of PATHOLOGICAL_SHAPES) {
  const perKb: number[] = [];
  const normPerKb: number[] = [];
  let findings = 0;
  for (const kb of SIZES_KB) {
    const artifact = pathologicalArtifact(shape, kb * 1024);
    const totalKb = kb * ELEMENT_KEYS.length;
    findings = evaluateRaw(artifact, ctx, config).findings.length; // warm this shape and size
    perKb.push((medianMs(REPEATS, () => evaluateRaw(artifact, ctx, config)) * 1000) / totalKb);
    evaluations += REPEATS + 1;
    normalizeAll(artifact);
    normPerKb.push((medianMs(REPEATS, () => normalizeAll(artifact)) * 1000) / totalKb);
  }
  const ratio = (perKb[perKb.length - 1] ?? 0) / (perKb[0] || 1);
  const normRatio = (normPerKb[normPerKb.length - 1] ?? 0) / (normPerKb[0] || 1);
  worstRatio = Math.max(worstRatio, ratio);
  console.log(
    `  ${shape.padEnd(12)}${perKb.map((us) => fmt(us, 1).padStart(10)).join('')}   ${fmt(ratio, 2).padStart(5)}` +
      `${normPerKb.map((us) => fmt(us, 1).padStart(10)).join('')}   ${fmt(normRatio, 2).padStart(5)}   ${findings}`,
  );
}
console.log(`  ${evaluations} pathological evaluations; worst 100KB/1KB per-KB ratio ${fmt(worstRatio, 2)} (1.0 = perfectly linear)`);
