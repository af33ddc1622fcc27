import { useEffect, useId, useRef } from 'react';
import { CRM_LABELS } from '@/lib/crms';
import type { ConsoleRow } from '@/lib/console/rows';
import { recordLine } from '@/lib/console/records';

/** The records cell: how many of Baton's records the deal has, and how many do not count. */
export function RecordsButton({ row, onOpen }: { row: ConsoleRow; onOpen(row: ConsoleRow): void }) {
  if (row.records.length === 0) return <>—</>;
  const count = `${row.records.length}${row.notCounted > 0 ? ` · ${row.notCounted} not counted` : ''}`;
  // The name holds the visible text too (WCAG 2.5.3, label in name).
  return (
    <button type="button" className="link" aria-label={`Records of ${row.name || 'the deal'}: ${count}`} onClick={() => onOpen(row)}>
      {count}
    </button>
  );
}

/**
 * Every record Baton found on one deal, with who the CRM says wrote it and the marks that matter
 * (deleted; not counted, and why). A native modal <dialog>: focus stays inside, Esc closes.
 */
export function RecordsDialog({ row, onClose }: { row: ConsoleRow; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const crm = CRM_LABELS[row.crm];
  return (
    <dialog ref={ref} className="records" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>Baton’s records on {row.name || 'the deal'}</h2>
      <p className="muted">
        Owner: {row.owner}. Who wrote each record is what {crm} says, not what the record’s text says.
      </p>
      <ul aria-label="Records">
        {row.records.map((record, i) => {
          const line = recordLine(record, crm);
          return (
            <li key={i} className={record.notCounted !== null || record.activity.deleted !== null ? 'flagged' : undefined}>
              {line.text}
              {line.marks.length > 0 && <strong className="marks"> — {line.marks.join('; ')}</strong>}
            </li>
          );
        })}
      </ul>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
