/**
 * The console table's columns, filters and sorting on TanStack Table (table-core): the React
 * page renders them through @tanstack/react-table, and the benchmark drives the very same row
 * models without a DOM (createConsoleTable), so what is measured is what runs.
 */
import {
  createTable,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type Column,
  type ColumnDef,
  type ColumnFiltersState,
  type FilterFn,
  type SortingState,
  type Table,
  type TableState,
} from '@tanstack/table-core';
import type { ConsoleRow } from './rows';
import type { Crm } from '@/lib/domain/deal';

/** What the manager filters by, as the page keeps it (the period is part of the CRM query instead). */
export interface ConsoleFilters {
  search: string;
  owner: string | null;
  crm: Crm | null;
  status: 'won' | 'open' | null;
  scoreMin: number;
  scoreMax: number;
  hasOverride: boolean;
  unacknowledged: boolean;
}

export const NO_FILTERS: ConsoleFilters = { search: '', owner: null, crm: null, status: null, scoreMin: 0, scoreMax: 100, hasOverride: false, unacknowledged: false };

/** On (value true): keeps rows whose count is above zero or whose flag is true. */
const isTrue: FilterFn<ConsoleRow> = (row, id, value) => value !== true || Number(row.getValue(id)) > 0;
const equals: FilterFn<ConsoleRow> = (row, id, value) => row.getValue(id) === value;
const scoreBetween: FilterFn<ConsoleRow> = (row, id, value) => {
  const [min, max] = value as [number, number];
  const score = row.getValue<number>(id);
  return score >= min && score <= max;
};
/** Every word of the search in the name, owner, account, stage or source (any case). */
const searchText: FilterFn<ConsoleRow> = (row, _id, value) => {
  const words = String(value).toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const o = row.original;
  const haystack = `${o.name}\n${o.owner}\n${o.account ?? ''}\n${o.stage}\n${o.source}`.toLowerCase();
  return words.every((w) => haystack.includes(w));
};

/** Column ids double as the sort keys the page and the CSV use. */
export const CONSOLE_COLUMNS: ColumnDef<ConsoleRow>[] = [
  { id: 'name', header: 'Deal', accessorFn: (r) => r.name, sortingFn: 'text' },
  { id: 'owner', header: 'Owner', accessorFn: (r) => r.owner, sortingFn: 'text', filterFn: equals },
  { id: 'crm', header: 'CRM', accessorFn: (r) => r.crm, sortingFn: 'text', filterFn: equals },
  { id: 'status', header: 'Status', accessorFn: (r) => r.status, sortingFn: 'text', filterFn: equals },
  { id: 'stage', header: 'Stage', accessorFn: (r) => r.stage, sortingFn: 'text' },
  { id: 'amount', header: 'Amount', accessorFn: (r) => r.amount ?? undefined, sortingFn: 'basic', sortUndefined: 'last' },
  { id: 'closeDate', header: 'Close date', accessorFn: (r) => r.closeDate ?? undefined, sortingFn: 'basic', sortUndefined: 'last' },
  { id: 'score', header: 'Score', accessorFn: (r) => r.score, sortingFn: 'basic', filterFn: scoreBetween },
  { id: 'missing', header: 'Missing', accessorFn: (r) => r.missing.length, sortingFn: 'basic' },
  { id: 'findings', header: 'Findings', accessorFn: (r) => r.findings, sortingFn: 'basic' },
  { id: 'overrides', header: 'Overrides', accessorFn: (r) => r.overrides, sortingFn: 'basic', filterFn: isTrue },
  { id: 'unacknowledged', header: 'CS ack', accessorFn: (r) => !r.acknowledged, sortingFn: 'basic', filterFn: isTrue },
  { id: 'csmRating', header: 'CSM rating', accessorFn: (r) => r.csmRating ?? undefined, sortingFn: 'basic', sortUndefined: 'last' },
  // Sorted by how many records do not count (wrong author, deleted): the ones to look at first.
  { id: 'records', header: 'Records', accessorFn: (r) => r.notCounted, sortingFn: 'basic' },
];

/** The search looks at several fields at once (searchText), so it runs on one column only. */
const SEARCH_COLUMN = 'name';

/** Everything but the data and the state: the page's useReactTable and createConsoleTable share it. */
export const CONSOLE_TABLE_OPTIONS = {
  columns: CONSOLE_COLUMNS,
  globalFilterFn: searchText,
  getColumnCanGlobalFilter: (column: Column<ConsoleRow>) => column.id === SEARCH_COLUMN,
  getCoreRowModel: getCoreRowModel<ConsoleRow>(),
  getFilteredRowModel: getFilteredRowModel<ConsoleRow>(),
  getSortedRowModel: getSortedRowModel<ConsoleRow>(),
};

export function columnFiltersOf(filters: ConsoleFilters): ColumnFiltersState {
  const out: ColumnFiltersState = [];
  if (filters.owner !== null) out.push({ id: 'owner', value: filters.owner });
  if (filters.crm !== null) out.push({ id: 'crm', value: filters.crm });
  if (filters.status !== null) out.push({ id: 'status', value: filters.status });
  if (filters.scoreMin > 0 || filters.scoreMax < 100) out.push({ id: 'score', value: [filters.scoreMin, filters.scoreMax] });
  if (filters.hasOverride) out.push({ id: 'overrides', value: true });
  if (filters.unacknowledged) out.push({ id: 'unacknowledged', value: true });
  return out;
}

/** The default order: the weakest handoffs first. */
export const DEFAULT_SORTING: SortingState = [{ id: 'score', desc: false }];

/** Points an existing table at new filters and sorting, as the page does when the manager changes them. */
export function setConsoleView(table: Table<ConsoleRow>, filters: ConsoleFilters, sorting: SortingState): void {
  table.setOptions((prev) => ({ ...prev, state: { ...prev.state, columnFilters: columnFiltersOf(filters), globalFilter: filters.search, sorting } }));
}

/** The console table without React, for the benchmark and unit tests; same columns and row models as the page. */
export function createConsoleTable(rows: ConsoleRow[], filters: ConsoleFilters, sorting: SortingState): Table<ConsoleRow> {
  let state: Partial<TableState> = { columnFilters: columnFiltersOf(filters), globalFilter: filters.search, sorting };
  const table = createTable<ConsoleRow>({
    ...CONSOLE_TABLE_OPTIONS,
    data: rows,
    state,
    onStateChange: (updater) => {
      state = typeof updater === 'function' ? updater(state as TableState) : updater;
    },
    renderFallbackValue: null,
  });
  table.setOptions((prev) => ({ ...prev, state: { ...table.initialState, ...state } }));
  return table;
}
