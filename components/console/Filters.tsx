import type { ConsoleFilters } from '@/lib/console/table';
import { CRM_LABELS } from '@/lib/crms';
import type { Crm } from '@/lib/domain/deal';

export const PERIODS = [7, 30, 90, 180, 365] as const;
export type PeriodDays = (typeof PERIODS)[number];

interface FiltersProps {
  filters: ConsoleFilters;
  owners: readonly string[];
  period: PeriodDays;
  onPeriod(days: PeriodDays): void;
  onChange(next: ConsoleFilters): void;
}

function clampScore(value: string, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) ? Math.min(100, Math.max(0, Math.round(n))) : fallback;
}

export function Filters({ filters, owners, period, onPeriod, onChange }: FiltersProps) {
  const set = <K extends keyof ConsoleFilters>(key: K, value: ConsoleFilters[K]) => onChange({ ...filters, [key]: value });
  return (
    <form className="filters" role="search" aria-label="Filter the deals" onSubmit={(e) => e.preventDefault()}>
      <label>
        Search
        <input type="search" value={filters.search} placeholder="Deal, owner, account, stage" onChange={(e) => set('search', e.target.value)} />
      </label>
      <label>
        Closed won in
        <select value={period} onChange={(e) => onPeriod(Number(e.target.value) as PeriodDays)}>
          {PERIODS.map((d) => (
            <option key={d} value={d}>
              the last {d} days
            </option>
          ))}
        </select>
      </label>
      <label>
        Owner
        <select value={filters.owner ?? ''} onChange={(e) => set('owner', e.target.value || null)}>
          <option value="">Everyone</option>
          {owners.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label>
        CRM
        <select value={filters.crm ?? ''} onChange={(e) => set('crm', (e.target.value || null) as Crm | null)}>
          <option value="">All</option>
          {(Object.keys(CRM_LABELS) as Crm[]).map((c) => (
            <option key={c} value={c}>
              {CRM_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select value={filters.status ?? ''} onChange={(e) => set('status', (e.target.value || null) as ConsoleFilters['status'])}>
          <option value="">Won and late-stage open</option>
          <option value="won">Won</option>
          <option value="open">Open, late stage</option>
        </select>
      </label>
      <label>
        Score from
        <input type="number" min={0} max={100} value={filters.scoreMin} onChange={(e) => set('scoreMin', clampScore(e.target.value, 0))} />
      </label>
      <label>
        Score to
        <input type="number" min={0} max={100} value={filters.scoreMax} onChange={(e) => set('scoreMax', clampScore(e.target.value, 100))} />
      </label>
      <label className="check">
        <input type="checkbox" checked={filters.hasOverride} onChange={(e) => set('hasOverride', e.target.checked)} />
        Has an override
      </label>
      <label className="check">
        <input type="checkbox" checked={filters.unacknowledged} onChange={(e) => set('unacknowledged', e.target.checked)} />
        Not acknowledged by CS
      </label>
    </form>
  );
}
