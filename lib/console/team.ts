/** The team view: per AE, and per week, from the console's rows. */
import type { ConsoleRow } from './rows';

export interface OwnerSummary {
  owner: string;
  deals: number;
  averageScore: number;
  /** Share of deals with placeholder text somewhere (0–1). */
  placeholderRate: number;
  overrides: number;
  overrideReasons: string[];
  /** Share of won deals CS has acknowledged (0–1), null without won deals. */
  acknowledgedRate: number | null;
  averageCsmRating: number | null;
}

const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

export function ownerSummaries(rows: readonly ConsoleRow[]): OwnerSummary[] {
  const byOwner = new Map<string, ConsoleRow[]>();
  for (const r of rows) {
    const list = byOwner.get(r.owner);
    if (list) list.push(r);
    else byOwner.set(r.owner, [r]);
  }
  return [...byOwner]
    .map(([owner, deals]) => {
      const won = deals.filter((d) => d.status === 'won');
      return {
        owner,
        deals: deals.length,
        averageScore: mean(deals.map((d) => d.score)) ?? 0,
        placeholderRate: deals.filter((d) => d.placeholder).length / deals.length,
        overrides: deals.reduce((n, d) => n + d.overrides, 0),
        overrideReasons: deals.flatMap((d) => d.overrideReasons),
        acknowledgedRate: won.length === 0 ? null : won.filter((d) => d.acknowledged).length / won.length,
        averageCsmRating: mean(deals.flatMap((d) => (d.csmRating === null ? [] : [d.csmRating]))),
      };
    })
    .sort((a, b) => a.owner.localeCompare(b.owner));
}

/** Reasons with how often each was given, most frequent first: "Signed early (×3)". */
export function countedReasons(reasons: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([r, n]) => (n > 1 ? `${r} (×${n})` : r));
}

/** The Monday (UTC) of an ISO date's week, as YYYY-MM-DD. */
export function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

export interface WeekPoint {
  week: string;
  deals: number;
  averageScore: number;
  overrides: number;
}

/** Won deals by the week they closed: how many, their average score, how many were overridden. */
export function weeklyTrend(rows: readonly ConsoleRow[]): WeekPoint[] {
  const weeks = new Map<string, ConsoleRow[]>();
  for (const r of rows) {
    if (r.status !== 'won' || r.closeDate === null) continue;
    const w = weekOf(r.closeDate);
    const list = weeks.get(w);
    if (list) list.push(r);
    else weeks.set(w, [r]);
  }
  return [...weeks]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([week, deals]) => ({ week, deals: deals.length, averageScore: Math.round(mean(deals.map((d) => d.score)) ?? 0), overrides: deals.filter((d) => d.overrides > 0).length }));
}

export interface ScoreBucket {
  /** "0–9" … "90–100". */
  range: string;
  from: number;
  deals: number;
}

export function scoreDistribution(rows: readonly ConsoleRow[]): ScoreBucket[] {
  const buckets = Array.from({ length: 10 }, (_, i) => ({ range: i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`, from: i * 10, deals: 0 }));
  for (const r of rows) {
    const b = buckets[Math.min(9, Math.floor(r.score / 10))];
    if (b) b.deals++;
  }
  return buckets;
}
