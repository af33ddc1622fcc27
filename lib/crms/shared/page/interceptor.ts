/**
 * Holding a user's action for the gate and letting it happen later, shared by every host
 * adapter. The gate listens in the capture phase on window, so it runs before the page's own
 * handlers; to let an action through it repeats it (a click, a drop, a key), and marks that repeat
 * so its own listener does not catch it again.
 */
import type { GateController } from '@/lib/gate/controller';
import type { HeldMove } from '@/lib/gate/heldMove';

export class Interceptor {
  private replaying: EventTarget | null = null;

  constructor(private readonly controller: Pick<GateController, 'shouldHold' | 'hold'>) {}

  /** True for an event Baton itself is repeating right now. */
  isReplay(event: Event): boolean {
    return this.replaying !== null && event.composedPath().includes(this.replaying);
  }

  /** Runs `act` (which dispatches events on or under `target`) without catching them. */
  replay(target: EventTarget, act: () => void): void {
    this.replaying = target;
    try {
      act();
    } finally {
      this.replaying = null;
    }
  }

  /** Repeats a click on `element` as the page would receive it. */
  replayClick(element: Element): void {
    this.replay(element, () => (element as HTMLElement).click());
  }

  /** Stops the event before the page sees it and hands the move to the gate, when the gate must look. */
  hold(event: Event, move: HeldMove): boolean {
    if (!this.controller.shouldHold(move)) return false;
    event.preventDefault();
    event.stopImmediatePropagation();
    void this.controller.hold(move);
    return true;
  }
}
