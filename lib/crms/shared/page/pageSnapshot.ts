/**
 * The read-only snapshot a host page gives when the CRM's API is closed to Baton: what the page
 * shows of the deal as saved, with a notice saying why and where to edit instead. Text the page
 * holds unsaved is never taken for the saved value: such fields are marked 'unsaved', and the gate
 * holds the move until the edit is saved or cancelled (lib/gate/decide.ts). Each CRM reads its own
 * page (page/reading.ts); this is the part both do the same way.
 */
import type { DealRef } from '@/lib/domain/deal';
import { ELEMENT_KEYS } from '@/lib/domain/elements';
import { pageReadingSnapshot, type DealSnapshot, type PageReading } from '@/lib/domain/snapshot';
import type { CrmProblem } from '@/lib/domain/problem';

/** What a CRM's page shows of the deal, and which mapped fields / properties it does not show. */
export type DealOnPage = Omit<PageReading, 'deal' | 'notice'> & { absent: string[] };

/** How the notice names things: "edit the <fields> in <crm> (not on this <surface>: …)". */
export interface PageWording {
  crm: string;
  fields: string;
  surface: string;
}

/** The snapshot of `reading`; null without one, or when the page shows no handoff field (nothing to judge). */
export function snapshotFromPage(deal: DealRef, problem: CrmProblem, reading: DealOnPage | null, wording: PageWording, now = new Date()): DealSnapshot | null {
  if (!reading || reading.absent.length === ELEMENT_KEYS.length) return null;
  const absent = reading.absent.length > 0 ? ` (not on this ${wording.surface}: ${reading.absent.join(', ')})` : '';
  const unsaved = reading.unsaved.length > 0 ? ` Edits not saved yet are not judged (${reading.unsaved.map((u) => u.field).join(', ')}).` : '';
  return pageReadingSnapshot(
    {
      deal,
      url: reading.url,
      name: reading.name,
      stageLabel: reading.stageLabel,
      owner: reading.owner,
      artifact: reading.artifact,
      unsaved: reading.unsaved,
      notice: `Read from the page: ${problem.message}${unsaved} Baton cannot save from here; edit the ${wording.fields} in ${wording.crm}${absent}.`,
    },
    now,
  );
}
