/**
 * Reading the deal for the gate: from the CRM's API through the background, or off the page when
 * the API is closed to Baton; and the org's stage list, kept from every read, which tells at the
 * moment of a click whether the target stage is won.
 */
import { dealKey, type DealRef } from '@/lib/domain/deal';
import type { DealSnapshot, StageOption } from '@/lib/domain/snapshot';
import { meansNoApiAccess, type CrmProblem } from '@/lib/domain/problem';
import type { Policy } from '@/lib/messaging/protocol';
import type { GateServices, StagesResult } from './services';

/** Builds a read-only snapshot from the page when the API is closed to us, or null if it cannot. */
export type PageFallback = (deal: DealRef, problem: CrmProblem) => DealSnapshot | null;

export type DealRead = { ok: true; snapshot: DealSnapshot; policy: Policy } | { ok: false; problem: CrmProblem };

type Org = Pick<DealRef, 'crm' | 'instance'>;

const orgKey = (org: Org) => `${org.crm}:${org.instance}`;

export class DealReader {
  private stagesByOrg = new Map<string, StageOption[]>();
  private fallback: PageFallback | null = null;
  /** The deal whose API read was refused while its page did not show it yet: what to say when the page does. */
  private pageNotReady: { key: string; problem: CrmProblem; policy: Policy } | null = null;

  constructor(private readonly services: Pick<GateServices, 'snapshot' | 'stages'>) {}

  /** How to read the deal off the page when the API is closed to Baton (the host adapter knows). */
  setPageFallback(fallback: PageFallback): void {
    this.fallback = fallback;
  }

  /** The deal, from the API, or read off the page when the API is closed to us. */
  async read(deal: DealRef): Promise<DealRead> {
    let result;
    try {
      result = await this.services.snapshot(deal);
    } catch (error) {
      return { ok: false, problem: { kind: 'network', message: `Baton’s background did not answer (${(error as Error).message}).` } };
    }
    if (result.ok) {
      if (result.snapshot.stages) this.stagesByOrg.set(orgKey(deal), result.snapshot.stages);
      return result;
    }
    this.pageNotReady = null;
    if (meansNoApiAccess(result.problem.kind) && this.fallback) {
      const fromPage = this.fromPage(deal, result.problem, result.policy);
      if (fromPage) return fromPage;
      this.pageNotReady = { key: dealKey(deal), problem: result.problem, policy: result.policy };
    }
    return { ok: false, problem: result.problem };
  }

  /**
   * The page again, when the API was closed to Baton and the page had not drawn the deal yet at
   * the last read (a CRM page renders its fields well after its URL changes); null while it still
   * has not, or when the last read did not end that way.
   */
  readPageAgain(deal: DealRef): DealRead | null {
    const pending = this.pageNotReady;
    if (pending === null || pending.key !== dealKey(deal)) return null;
    const fromPage = this.fromPage(deal, pending.problem, pending.policy);
    if (fromPage) this.pageNotReady = null;
    return fromPage;
  }

  private fromPage(deal: DealRef, problem: CrmProblem, policy: Policy): DealRead | null {
    const fromPage = this.fallback?.(deal, problem) ?? null;
    return fromPage ? { ok: true, snapshot: { ...fromPage, stages: fromPage.stages ?? this.knownStages(deal) }, policy } : null;
  }

  knownStages(org: Org): StageOption[] | null {
    return this.stagesByOrg.get(orgKey(org)) ?? null;
  }

  /** The org's stages and the policy in force, asked fresh (a new deal has no record to read); kept like every read. */
  async stagesAndPolicy(org: Org): Promise<StagesResult> {
    const result = await this.services.stages(org);
    if (result.ok) this.stagesByOrg.set(orgKey(org), result.stages);
    return result;
  }

  /** Loads an org's stages ahead of need (a Kanban board, where no single deal is armed). */
  async loadStages(org: Org): Promise<void> {
    if (this.knownStages(org)) return;
    try {
      const result = await this.services.stages(org);
      if (result.ok) this.stagesByOrg.set(orgKey(org), result.stages);
    } catch (error) {
      console.warn('[baton] Could not load the stages.', error);
    }
  }
}
