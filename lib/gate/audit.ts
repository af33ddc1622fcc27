import type { DealRef } from '@/lib/domain/deal';
import type { Evaluation } from '@/lib/rules/types';
import type { GateEvent } from '@/lib/messaging/protocol';
import type { GateServices } from './services';

/** Records what the gate did; a record that cannot be written never stops the rep. */
export async function recordGateEvent(audit: GateServices['audit'], deal: DealRef, event: GateEvent, evaluation: Evaluation | null): Promise<void> {
  try {
    await audit(deal, event, evaluation?.findings ?? []);
  } catch (error) {
    console.warn('[baton] Could not record the gate event.', error);
  }
}
