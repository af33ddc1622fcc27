import { useRef, useState } from 'react';
import { flexRender, type Table } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ELEMENT_LABELS } from '@/lib/domain/elements';
import { formatAmount } from '@/lib/domain/header';
import { CRM_LABELS } from '@/lib/crms';
import type { ConsoleRow } from '@/lib/console/rows';
import { openBrief } from './openBrief';
import { RecordsButton, RecordsDialog } from './RecordsDialog';

const ROW_PX = 38;

function Cell({ row, column, onRecords }: { row: ConsoleRow; column: string; onRecords(row: ConsoleRow): void }) {
  switch (column) {
    case 'name':
      return (
        <>
          <a href={row.url} target="_blank" rel="noreferrer noopener">{row.name || 'Unnamed deal'}</a>{' '}
          <button type="button" className="link" aria-label={`Brief of ${row.name || 'the deal'}`} onClick={() => openBrief(row.url)}>
            Brief
          </button>
        </>
      );
    case 'owner':
      return <>{row.owner}</>;
    case 'crm':
      return <>{CRM_LABELS[row.crm]}</>;
    case 'status':
      return <>{row.status === 'won' ? 'Won' : 'Open'}</>;
    case 'stage':
      return <>{row.stage}</>;
    case 'amount':
      return <>{formatAmount(row.amount, row.currency) ?? '—'}</>;
    case 'closeDate':
      return <>{row.closeDate ?? '—'}</>;
    case 'score':
      return <span className={row.score < 60 ? 'score bad' : 'score'}>{row.score}</span>;
    case 'missing':
      return <>{row.missing.length === 0 ? '—' : row.missing.map((k) => ELEMENT_LABELS[k]).join(', ')}</>;
    case 'findings':
      return <>{row.findings}</>;
    case 'overrides': {
      const deleted = row.records.filter((r) => r.activity.kind === 'override' && r.activity.deleted !== null).length;
      return (
        <span title={row.overrideReasons.join('\n')}>
          {row.overrides}
          {deleted > 0 ? ` (${deleted} deleted)` : ''}
        </span>
      );
    }
    case 'unacknowledged': {
      const uncounted = row.records.filter((r) => r.activity.kind === 'acknowledgement' && r.notCounted !== null).length;
      return <>{row.acknowledged ? 'Yes' : uncounted > 0 ? `No (${uncounted} not counted)` : 'No'}</>;
    }
    case 'records':
      return <RecordsButton row={row} onOpen={onRecords} />;
    case 'csmRating':
      return <>{row.csmRating === null ? '—' : `${row.csmRating}/5`}</>;
    default:
      return null;
  }
}

/** The deals, virtualized: only the rows in view (and a few around) are in the DOM. */
export function DealTable({ table, caption }: { table: Table<ConsoleRow>; caption: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  // One dialog for the table, outside the virtual rows: scrolling must not unmount it.
  const [recordsOf, setRecordsOf] = useState<ConsoleRow | null>(null);
  const rows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const columns = table.getVisibleLeafColumns().length;
  return (
    <div className="table-scroll" ref={scroller} tabIndex={0} role="region" aria-label="Deals (scrolls)">
      <table aria-rowcount={rows.length + 1}>
        <caption>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th key={header.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                    <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {top > 0 && (
            <tr aria-hidden="true" style={{ height: top }}>
              <td colSpan={columns} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <tr key={row.id} aria-rowindex={item.index + 2} style={{ height: ROW_PX }}>
                {row.getVisibleCells().map((cell) =>
                  cell.column.id === 'name' ? (
                    <th key={cell.id} scope="row">
                      <Cell row={row.original} column="name" onRecords={setRecordsOf} />
                    </th>
                  ) : (
                    <td key={cell.id}>
                      <Cell row={row.original} column={cell.column.id} onRecords={setRecordsOf} />
                    </td>
                  ),
                )}
              </tr>
            );
          })}
          {bottom > 0 && (
            <tr aria-hidden="true" style={{ height: bottom }}>
              <td colSpan={columns} />
            </tr>
          )}
        </tbody>
      </table>
      {recordsOf && <RecordsDialog row={recordsOf} onClose={() => setRecordsOf(null)} />}
    </div>
  );
}
