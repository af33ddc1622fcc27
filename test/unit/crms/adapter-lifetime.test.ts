// @vitest-environment happy-dom
/**
 * A host adapter, once its gate's signal aborts, leaves nothing in the page: no listener on
 * window, no timer, including the HubSpot drag replay still waiting for the board.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GateController } from '@/lib/gate/controller';
import type { HeldMove } from '@/lib/gate/heldMove';
import type { OverlayViews } from '@/lib/gate/views';
import { startHubSpot } from '@/lib/crms/hubspot/page/adapter';
import { startSalesforce } from '@/lib/crms/salesforce/page/adapter';
import { DEFAULT_HUBSPOT_MAPPING, DEFAULT_SALESFORCE_MAPPING } from '@/lib/settings/schema';
import { liveListeners } from './liveListeners';

const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);

function fakes() {
  let held: HeldMove | null = null;
  const controller = {
    arm: vi.fn(async () => {}),
    disarm: vi.fn(),
    loadStages: vi.fn(async () => {}),
    setPageFallback: vi.fn(),
    readPageAgain: vi.fn(),
    shouldHold: vi.fn(() => true),
    hold: vi.fn(async (move: HeldMove) => {
      held = move;
    }),
    holdBulk: vi.fn(async () => {}),
  };
  const views: OverlayViews = { showBadge: vi.fn(), hideBadge: vi.fn(), showGuidance: vi.fn(), hideGuidance: vi.fn(), badgeOn: vi.fn(() => false) };
  const urlListeners = new Set<() => void>();
  const onUrlChange = (listener: () => void, until: AbortSignal) => {
    urlListeners.add(listener);
    until.addEventListener('abort', () => urlListeners.delete(listener));
  };
  return { controller, views, onUrlChange, urlListeners, held: () => held };
}

let window$: ReturnType<typeof liveListeners>;
beforeEach(() => {
  vi.useFakeTimers();
  window$ = liveListeners(window);
});
afterEach(() => {
  window$.restore();
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('startSalesforce, stopped', () => {
  it('removes its listeners and its timers', async () => {
    setUrl('https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001abcDEIAY/view');
    const gate = new AbortController();
    const { controller, views, onUrlChange, urlListeners } = fakes();
    startSalesforce({ controller: controller as unknown as GateController, views, mapping: async () => DEFAULT_SALESFORCE_MAPPING, signal: gate.signal, onUrlChange });
    await vi.waitFor(() => expect(controller.arm).toHaveBeenCalled());
    expect(window$.types()).toEqual(['click', 'dragstart', 'drop', 'keydown', 'submit']);
    document.body.click(); // a chevron may have been selected: the adapter looks again in 50 ms
    expect(vi.getTimerCount()).toBe(2); // that look, and the one-second look at the Path

    gate.abort();
    expect(window$.types()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    expect(urlListeners.size).toBe(0);
    expect(controller.disarm).toHaveBeenCalled();
    vi.mocked(views.hideBadge).mockClear();
    document.body.click();
    await vi.advanceTimersByTimeAsync(5000);
    expect(views.hideBadge).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('startHubSpot, stopped', () => {
  function board() {
    document.body.innerHTML = `
      <div data-test-id="cdb-column" id="from"><span data-test-id="cdb-column-name">Appointment scheduled</span>
        <div data-rbd-droppable-id="appointmentscheduled">
          <div data-test-id="cdb-column-item" data-selenium-id="42"><div data-rbd-drag-handle-draggable-id="42" id="card">Acme</div></div>
        </div>
      </div>
      <div data-test-id="cdb-column" id="to"><span data-test-id="cdb-column-name">Closed won</span><div data-rbd-droppable-id="closedwon"></div></div>`;
    const card = document.getElementById('card') as Element;
    const to = document.getElementById('to') as Element;
    // No layout in happy-dom: every point is over the target column, never over the card, so a
    // replayed drag keeps waiting for the board to take the pointer at the card.
    document.elementsFromPoint = () => [to];
    return { card, to };
  }

  const mouse = (target: EventTarget, type: string, x: number) =>
    target.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, button: 0, clientX: x, clientY: 10 }));

  it('removes its listeners, its timers and a replayed drag still waiting for the board', async () => {
    setUrl('https://app.hubspot.com/contacts/123/objects/0-3/views/all/board');
    const { card, to } = board();
    const gate = new AbortController();
    const { controller, views, onUrlChange, urlListeners, held } = fakes();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    startHubSpot({ controller: controller as unknown as GateController, views, mapping: async () => DEFAULT_HUBSPOT_MAPPING, signal: gate.signal, onUrlChange });
    await vi.waitFor(() => expect(controller.loadStages).toHaveBeenCalledWith({ crm: 'hubspot', instance: '123' }));
    expect(window$.types()).toEqual(['click', 'keydown', 'mousedown', 'mousemove', 'mouseup']);

    // A card dragged onto Closed won: held; then the gate lets it through and the drag is replayed.
    mouse(card, 'mousedown', 10);
    mouse(window, 'mousemove', 100);
    mouse(to, 'mouseup', 200);
    expect(controller.hold).toHaveBeenCalledOnce();
    held()?.proceed();
    await vi.advanceTimersByTimeAsync(100); // the replay polls every 30 ms for the board
    expect(vi.getTimerCount()).toBe(2); // the next poll, and the one-second look at the page

    gate.abort(); // mid-wait
    expect(window$.types()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    expect(urlListeners.size).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(errors).not.toHaveBeenCalled(); // the replay never gave up: it was gone
    mouse(card, 'mousedown', 10);
    mouse(window, 'mousemove', 100);
    mouse(to, 'mouseup', 200);
    expect(controller.hold).toHaveBeenCalledOnce();
  });
});
