/**
 * The badge's job: the deal on screen, read on arrival and after the page saved, and judged as it
 * stands; and what "ready to close" means.
 */
import { dealKey, type DealRef } from '@/lib/domain/deal';
import { NON_NEGOTIABLES } from '@/lib/domain/elements';
import type { DealSnapshot } from '@/lib/domain/snapshot';
import type { CrmProblem } from '@/lib/domain/problem';
import type { Clock } from '@/lib/domain/clock';
import type { Policy } from '@/lib/messaging/protocol';
import type { Evaluation } from '@/lib/rules/types';
import type { DealReader } from './dealReader';
import { evaluateHandoff } from './evaluate';
import { Store } from './store';

export type Readiness =
  | { kind: 'idle' }
  | { kind: 'loading'; deal: DealRef }
  | { kind: 'ready'; deal: DealRef; snapshot: DealSnapshot; policy: Policy; evaluation: Evaluation }
  | { kind: 'failed'; deal: DealRef; problem: CrmProblem };

/** "Ready" only when nothing blocks and every non-negotiable is filled and good enough. */
export function isHandoffReady(evaluation: Evaluation): boolean {
  return !evaluation.blocks && evaluation.nonNegotiablesReady === NON_NEGOTIABLES.length;
}

export class ReadinessTracker {
  readonly store = new Store<Readiness>({ kind: 'idle' });
  private armedAt = 0;

  constructor(
    private readonly reader: Pick<DealReader, 'read' | 'readPageAgain'>,
    private readonly clock: Clock,
  ) {}

  /** Reads the deal on screen and keeps its readiness; call on arrival and after the page saved. */
  async arm(deal: DealRef): Promise<void> {
    const current = this.store.get();
    const same = current.kind !== 'idle' && dealKey(current.deal) === dealKey(deal);
    if (!same) this.store.set({ kind: 'loading', deal });
    const started = ++this.armedAt;
    const result = await this.reader.read(deal);
    if (started !== this.armedAt) return; // navigated on meanwhile
    performance.mark('baton:deal-data');
    if (result.ok) this.setReady(deal, result.snapshot, result.policy);
    else this.store.set({ kind: 'failed', deal, problem: result.problem });
  }

  /**
   * The API is closed to Baton and the page had not shown the deal when it was read: looks at the
   * page again (the host page calls this on each of its looks), so the badge does not stay
   * "unavailable" on a page that has drawn its fields since. The API is not asked again.
   */
  readPageAgain(): void {
    const current = this.store.get();
    if (current.kind !== 'failed') return;
    const result = this.reader.readPageAgain(current.deal);
    if (result?.ok) this.setReady(current.deal, result.snapshot, result.policy);
  }

  private setReady(deal: DealRef, snapshot: DealSnapshot, policy: Policy): void {
    const evaluation = evaluateHandoff(snapshot.artifact, snapshot, snapshot.stage.label, policy.rules, this.clock);
    this.store.set({ kind: 'ready', deal, snapshot, policy, evaluation });
    performance.mark('baton:gate-armed');
  }

  disarm(): void {
    this.armedAt++;
    this.store.set({ kind: 'idle' });
  }
}
