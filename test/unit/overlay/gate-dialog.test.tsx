// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GateController } from '@/lib/gate/controller';
import { GateDialogHost } from '@/components/overlay/GateDialog';
import { NOW, fakeServices, move as heldMove, snapshotOf } from '../gate/helpers';

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
