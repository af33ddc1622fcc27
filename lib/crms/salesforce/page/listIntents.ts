/**
 * Recognising a list view's inline edit of Stage (lightning-datatable: the pencil on a cell, the
 * editor, then Save in the docked footer). The drafts are in the table until Save: each edited
 * Stage cell says its row's record and the stage chosen. Save writes every edited row at once, so
 * one Save may move several deals. Sources in selectors.ts.
 */
import type { RawArtifact } from '@/lib/domain/elements';
import { ELEMENT_KEYS } from '@/lib/domain/elements';
import type { StageTarget } from '@/lib/gate/stages';
import type { SalesforceMapping } from '@/lib/settings/schema';
import { closestAcross, missing, onPath, queryAllFirst, queryFirst, textOf } from '@/lib/crms/shared/page/dom';
import { isOpportunityId } from '../urls';
import { salesforce } from '../entry';
import { LIST_CELL_TEXT, LIST_DATATABLE, LIST_EDITED_CELL, LIST_INLINE_SAVE, LIST_ROW, withApiName } from './selectors';

export interface ListRowMove {
  recordId: string;
  target: StageTarget;
  /** The row: its other drafts (handoff fields edited in the same table) are read from it. */
  row: Element;
}

export interface ListSave {
  /** The Save button: clicking it again saves the drafts. */
  element: Element;
  /** Every row whose Stage draft is about to be saved. */
  rows: ListRowMove[];
}

/** Where a datatable's cells are: its open shadow root (native shadow), or itself (synthetic). */
function cellsRoot(table: Element): ParentNode {
  return table.shadowRoot ?? table;
}

/** Save of a list view's inline edit, with the rows whose Stage it changes (none: not a stage move). */
export function recognizeListSave(event: Event): ListSave | null {
  const button = onPath(event, LIST_INLINE_SAVE);
  if (!button) return null;
  const table = closestAcross(button, LIST_DATATABLE);
  if (!table) {
    missing(salesforce, 'the list view table around its Save button', LIST_DATATABLE);
    return null;
  }
  const rows: ListRowMove[] = [];
  for (const cell of queryAllFirst(cellsRoot(table), withApiName(LIST_EDITED_CELL, 'StageName'))) {
    const row = closestAcross(cell, LIST_ROW);
    const recordId = row?.getAttribute('data-row-key-value') ?? '';
    if (!row || !isOpportunityId(recordId)) {
      missing(salesforce, 'the opportunity id of a list view row', LIST_ROW);
      continue;
    }
    const label = textOf(queryFirst(cell, LIST_CELL_TEXT));
    rows.push({ recordId, target: { value: cell.getAttribute('data-cell-value') || null, label }, row });
  }
  return { element: button, rows };
}

/** The handoff fields edited in the same row, not yet saved (when the list shows them as columns). */
export function rowEdits(row: Element, mapping: SalesforceMapping): Partial<RawArtifact> {
  const out: Partial<RawArtifact> = {};
  for (const element of ELEMENT_KEYS) {
    const cell = queryFirst(row, withApiName(LIST_EDITED_CELL, mapping[element]));
    const value = cell?.getAttribute('data-cell-value');
    if (cell && value !== null && value !== undefined) out[element] = value;
  }
  return out;
}
