// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GateController } from '@/lib/gate/controller';
import { GateDialogHost } from '@/components/overlay/GateDialog';
import { NOW, POLICY, fakeServices, move as heldMove, snapshotOf } from '../gate/helpers';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => {
  document.body.replaceChildren();
});

describe('the gate dialog', () => {
  it('is closed, and the page no longer inert, when the held move goes through', async () => {
    const controller = new GateController(fakeServices(snapshotOf()), NOW);
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () => root.render(<GateDialogHost controller={controller} />));
    let openWhenProceeding: boolean | undefined;
    const move = heldMove(undefined, {
      proceed: vi.fn(() => {
        openWhenProceeding = host.querySelector('dialog')?.open;
      }),
    });
    await act(async () => controller.hold(move));
    expect(host.querySelector('dialog')?.open).toBe(true);
    // Close anyway, with a reason: the controller clears the dialog, then proceeds, in one go.
    controller.startOverride();
    controller.setReason('Signed on the phone');
    await act(async () => controller.confirmOverride());
    expect(move.proceed).toHaveBeenCalledOnce();
    expect(openWhenProceeding).toBe(false);
    await act(async () => root.unmount());
  });

  it('"Checking…" can be left with Esc: the move is abandoned and the late answer opens nothing', async () => {
    vi.useFakeTimers();
    try {
      const services = fakeServices(snapshotOf());
      let answer: () => void = () => {};
      services.snapshot.mockImplementationOnce(() => new Promise((resolve) => (answer = () => resolve({ ok: true, snapshot: snapshotOf(), policy: POLICY }))));
      const controller = new GateController(services, NOW);
      const host = document.createElement('div');
      document.body.append(host);
      const root = createRoot(host);
      await act(async () => root.render(<GateDialogHost controller={controller} />));
      const abandon = vi.fn();
      let holding: Promise<void> = Promise.resolve();
      await act(async () => {
        holding = controller.hold(heldMove(undefined, { abandon }));
        await vi.advanceTimersByTimeAsync(300); // "Checking…" shows after a moment
      });
      const dialog = host.querySelector('dialog') as HTMLDialogElement;
      expect(dialog.open).toBe(true);
      expect([...dialog.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Cancel']);
      await act(async () => {
        dialog.dispatchEvent(new Event('cancel', { cancelable: true })); // what Esc fires on a modal dialog
      });
      expect(abandon).toHaveBeenCalledOnce();
      expect(dialog.open).toBe(false);
      await act(async () => {
        answer();
        await holding;
      });
      expect(controller.dialog.get()).toBeNull();
      expect(dialog.open).toBe(false);
      await act(async () => root.unmount());
    } finally {
      vi.useRealTimers();
    }
  });

  it('says so when the override is not in the CRM yet, and the move completes, modal closed, on OK', async () => {
    const services = fakeServices(snapshotOf());
    const notice = 'Not recorded in HubSpot yet: HubSpot is not connected. Your reason is recorded on this computer and will be written to the deal as a note once HubSpot is connected in Baton’s options.';
    services.override.mockResolvedValueOnce({ recorded: 'queued', problem: { kind: 'not-connected', message: 'HubSpot is not connected.' }, storage: null, notice });
    const controller = new GateController(services, NOW);
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () => root.render(<GateDialogHost controller={controller} />));
    let openWhenProceeding: boolean | undefined;
    const move = heldMove(undefined, {
      proceed: vi.fn(() => {
        openWhenProceeding = host.querySelector('dialog')?.open;
      }),
    });
    await act(async () => controller.hold(move));
    controller.startOverride();
    controller.setReason('Signed on the phone');
    await act(async () => controller.confirmOverride());
    const dialog = host.querySelector('dialog');
    expect(dialog?.open).toBe(true);
    expect(dialog?.querySelector('#baton-dialog-title')?.textContent).toMatch(/handoff/);
    expect(dialog?.querySelector('[role="alert"]')?.textContent).toBe(notice);
    expect(move.proceed).not.toHaveBeenCalled();
    const ok = [...(dialog?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'OK, complete the move');
    await act(async () => ok?.click());
    expect(move.proceed).toHaveBeenCalledOnce();
    expect(openWhenProceeding).toBe(false);
    await act(async () => root.unmount());
  });
});
