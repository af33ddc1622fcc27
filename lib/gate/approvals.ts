/**
 * What the gate let through lately. When the gate lets a held move go (a good handoff, the dialog
 * saved, a recorded close-anyway, warn mode's go-ahead), the page then saves the move itself; the
 * backstop (lib/crms/shared/page/backstop.ts) sees that save and, finding the deal here, lets it
 * go without judging it again, so the rep never gets a second dialog for one move.
 *
 * One use per approval, and only for APPROVAL_MS: HubSpot asks for its own required properties
 * after Baton lets a stage move through, and the page saves only when the rep is done with that.
 * The approval is per deal, not per stage: what was judged is the deal's handoff for a move to a
 * won stage, and the page names stages by API value where Baton's click-time reading may hold only
 * a translated label.
 */
import { dealKey, type Crm, type DealRef } from '@/lib/domain/deal';
import type { Clock } from '@/lib/domain/clock';
import type { RawArtifact } from '@/lib/domain/elements';
import type { HeldBulkMove, HeldCreate, HeldMove } from './heldMove';

export const APPROVAL_MS = 5 * 60_000;

/** A move the gate let through; `confirmed` is the handoff the rep saved in Baton's dialog, when they did. */
export interface Approval {
  confirmed: RawArtifact | null;
}

export class Approvals {
  private readonly given = new Map<string, { until: number; approval: Approval }>();

  constructor(private readonly clock: Clock) {}

  private grant(key: string, confirmed: RawArtifact | null = null): void {
    this.given.set(key, { until: this.clock().getTime() + APPROVAL_MS, approval: { confirmed } });
  }

  private take(key: string): Approval | null {
    const entry = this.given.get(key);
    this.given.delete(key);
    return entry !== undefined && entry.until > this.clock().getTime() ? entry.approval : null;
  }

  /** The same move, remembered as approved when it proceeds (before the page acts on it). */
  move(move: HeldMove): HeldMove {
    return {
      ...move,
      proceed: (confirmed) => {
        this.grant(dealKey(move.deal), confirmed ?? null);
        move.proceed(confirmed);
      },
    };
  }

  bulk(bulk: HeldBulkMove): HeldBulkMove {
    return {
      ...bulk,
      proceed: () => {
        for (const deal of bulk.deals) this.grant(dealKey(deal));
        bulk.proceed();
      },
    };
  }

  create(create: HeldCreate): HeldCreate {
    return {
      ...create,
      proceed: () => {
        this.grant(createKey(create));
        create.proceed();
      },
    };
  }

  /** The gate's approval of a move of this deal lately, or null; the approval is used up. */
  takeMove(deal: DealRef): Approval | null {
    return this.take(dealKey(deal));
  }

  /** Whether the gate let a creation in this org through lately; the approval is used up. */
  takeCreate(org: { crm: Crm; instance: string }): boolean {
    return this.take(createKey(org)) !== null;
  }
}

function createKey(org: { crm: Crm; instance: string }): string {
  return `create:${org.crm}:${org.instance}`;
}
