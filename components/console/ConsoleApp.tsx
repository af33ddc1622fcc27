/**
 * The manager console: the team's won and late-stage deals from every connected CRM, filtered,
 * sorted and searched; the team view; the spot-check queue; CSV of what is on screen.
 */
import { useEffect, useMemo, useState } from 'react';
import { useReactTable, type SortingState } from '@tanstack/react-table';
import { CONSOLE_TABLE_OPTIONS, DEFAULT_SORTING, NO_FILTERS, columnFiltersOf, type ConsoleFilters } from '@/lib/console/table';
import { toConsoleRow } from '@/lib/console/rows';
import { CRM_LABELS } from '@/lib/crms';
import { consoleCsv, csvBlob } from '@/lib/console/csv';
import { loadQueue, type ReviewQueue as Queue } from '@/lib/console/queue';
import { isoDay, systemClock } from '@/lib/domain/clock';
import { DealTable } from './DealTable';
import { Filters, type PeriodDays } from './Filters';
import { TeamView } from './TeamView';
import { ReviewQueue } from './ReviewQueue';
import { rememberConsoleTab } from './openBrief';
import { useTeamData, type SourceState } from './useTeamData';
import { OutboxList } from '@/components/ui/OutboxList';

function periodQuery(days: PeriodDays, now = systemClock()) {
  const since = new Date(now.getTime() - days * 86_400_000);
  return { closedSince: isoDay(since), closedUntil: isoDay(now) };
}

function SourceLine({ source }: { source: SourceState }) {
  const name = `${CRM_LABELS[source.crm]}${source.instance ? ` ${source.instance}` : ''}`;
  if (source.status === 'loading') return <li>{name}: loading…</li>;
  // Not connected at all is a setup choice, said plainly; a connected CRM that fails is an error.
  if (source.status === 'failed' && source.problem.kind === 'not-connected') return <li className="muted">{name}: {source.problem.message}</li>;
  if (source.status === 'failed') return <li className="error">{name}: {source.problem.message} Its deals are not shown.</li>;
  return (
    <li className={source.partial ? 'warn' : undefined}>
      {name}: {source.count} deals{source.partial ? ` — partial: ${source.partial}` : ''}
    </li>
  );
}

const NOTHING_REVIEWED: ReadonlySet<string> = new Set();

type Tab = 'deals' | 'team' | 'review';
const TABS: Array<[Tab, string]> = [['deals', 'Deals'], ['team', 'Team'], ['review', 'Spot-check']];

export function ConsoleApp() {
  const [period, setPeriod] = useState<PeriodDays>(30);
  const query = useMemo(() => periodQuery(period), [period]);
  const data = useTeamData(query);
  const [filters, setFilters] = useState<ConsoleFilters>(NO_FILTERS);
  const [sorting, setSorting] = useState<SortingState>(DEFAULT_SORTING);
  const [tab, setTab] = useState<Tab>('deals');
  const [queue, setQueue] = useState<Queue | null>(null);

  useEffect(() => {
    void rememberConsoleTab();
    void loadQueue().then((q) => {
      setQueue(q);
      if (q) setTab('review');
    });
  }, []);

  const day = query.closedUntil;
  // Scoring is the costly part (about 0.1 ms a deal): done when the deals or rules change, not
  // when a review is saved, which only flips that deal's "reviewed".
  const scored = useMemo(() => {
    const { rules, audit } = data;
    return rules === null || audit === null ? [] : data.deals.map((d) => toConsoleRow(d, rules, day, NOTHING_REVIEWED, audit));
  }, [data.deals, data.rules, data.audit, day]);
  const rows = useMemo(
    () => scored.map((r) => (!r.reviewed && data.reviewedLocally.has(r.key) ? { ...r, reviewed: true } : r)),
    [scored, data.reviewedLocally],
  );
  const byKey = useMemo(() => new Map(rows.map((r) => [r.key, r])), [rows]);
  const owners = useMemo(() => [...new Set(rows.map((r) => r.owner))].sort((a, b) => a.localeCompare(b)), [rows]);
  const columnFilters = useMemo(() => columnFiltersOf(filters), [filters]);

  const table = useReactTable({
    ...CONSOLE_TABLE_OPTIONS,
    data: rows,
    state: { sorting, columnFilters, globalFilter: filters.search },
    onSortingChange: setSorting,
  });
  const visible = table.getRowModel().rows.map((r) => r.original);
  const partial = data.sources.some((s) => (s.status === 'failed' && s.problem.kind !== 'not-connected') || (s.status === 'ok' && s.partial !== null));
  const caption = `${visible.length} of ${rows.length} deals${partial ? ' (partial: see the sources above)' : ''}`;

  const download = () => {
    const url = URL.createObjectURL(csvBlob(consoleCsv(visible)));
    const a = document.createElement('a');
    a.href = url;
    a.download = `baton-handoffs-${day}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <main className="console">
      <header className="toolbar">
        <h1>Baton: handoffs across the team</h1>
        <button type="button" onClick={data.reload} disabled={data.loading}>
          {data.loading ? 'Loading…' : 'Reload from the CRMs'}
        </button>
        <button type="button" onClick={download} disabled={visible.length === 0}>
          Download CSV of this view
        </button>
      </header>
      {data.error && <p role="alert" className="error">{data.error}</p>}
      <section aria-label="Sources">
        <ul className="sources">
          {data.sources.map((s) => (
            <SourceLine key={`${s.crm}:${s.instance ?? ''}`} source={s} />
          ))}
        </ul>
      </section>
      <OutboxList />
      <Filters filters={filters} owners={owners} period={period} onPeriod={setPeriod} onChange={setFilters} />
      <div role="tablist" aria-label="Console views" className="tabs">
        {TABS.map(([id, label]) => (
          <button key={id} type="button" role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls={`panel-${id}`} tabIndex={tab === id ? 0 : -1} onClick={() => setTab(id)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const i = TABS.findIndex(([t]) => t === tab);
              const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
              if (next) {
                setTab(next[0]);
                document.getElementById(`tab-${next[0]}`)?.focus();
              }
            }}>
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'deals' && <DealTable table={table} caption={caption} />}
        {tab === 'team' && <TeamView rows={visible} />}
        {tab === 'review' && <ReviewQueue rows={visible} byKey={byKey} queue={queue} onQueue={setQueue} onReviewed={data.markReviewed} />}
      </div>
    </main>
  );
}
