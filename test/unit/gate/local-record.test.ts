/**
 * The dialog says what happened when the CRM or Baton's own storage did not take a write: an
 * override kept on this computer (waiting for a sign-in, retried, refused), one recorded nowhere,
 * a draft that cannot be kept, a failed save that could not be queued.
 */
import { describe, expect, it, vi } from 'vitest';
import { GateController } from '@/lib/gate/controller';
import type { DialogState, GateDialog } from '@/lib/gate/dialogState';
import { DEAL, NOW, fakeServices, move } from './helpers';
import { GOOD_HANDOFF as GOOD } from '@/test/fixtures/handoffs';

const SIGNED_OUT = {
  recorded: 'queued' as const,
  problem: { kind: 'session-expired' as const, message: 'Your Salesforce session has expired. Reload Salesforce and sign in again.' },
  storage: null,
  notice: 'Not recorded in Salesforce yet: Your Salesforce session has expired. Your reason is recorded on this computer and will be written to the deal as a Task once you sign in to Salesforce again in this browser.',
};

function gate(controller: GateController): GateDialog {
  const d = controller.dialog.get();
  if (d?.kind !== 'gate') throw new Error(`expected the gate dialog, got ${d?.kind ?? 'none'}`);
  return d;
}

function recorded(state: DialogState) {
  if (state?.kind !== 'recorded-locally') throw new Error(`expected the recorded-locally notice, got ${state?.kind ?? 'none'}`);
  return state;
}

async function closingAnyway(services = fakeServices()) {
  const controller = new GateController(services, NOW);
  const m = move();
  await controller.hold(m);
  controller.startOverride();
  controller.setReason('Signed at quarter end');
  await controller.confirmOverride();
  return { controller, m, services };
}

describe('close anyway when the record cannot reach the CRM now', () => {
  it('says where the override is and when it reaches the CRM, before the move completes', async () => {
    const services = fakeServices();
    services.override.mockResolvedValueOnce(SIGNED_OUT);
    const { controller, m } = await closingAnyway(services);
    expect(recorded(controller.dialog.get()).text).toBe(SIGNED_OUT.notice);
    expect(m.proceed).not.toHaveBeenCalled();
    controller.acknowledgeRecorded();
    expect(controller.dialog.get()).toBeNull();
    expect(m.proceed).toHaveBeenCalledOnce();
  });

  it('Esc on that notice completes the move too: the override is already recorded', async () => {
    const services = fakeServices();
    services.override.mockResolvedValueOnce(SIGNED_OUT);
    const { controller, m } = await closingAnyway(services);
    controller.cancel();
    expect(m.proceed).toHaveBeenCalledOnce();
    expect(services.audit).not.toHaveBeenCalledWith(DEAL, 'cancelled', expect.anything());
  });

  it('an override the CRM did not take and Baton could not keep does not move the deal, and says so', async () => {
    const services = fakeServices();
    services.override.mockResolvedValueOnce({
      recorded: 'not-queued',
      problem: { kind: 'api-disabled', message: 'Salesforce does not let Baton use its API.' },
      storage: 'Baton’s storage on this computer is not working (quota).',
      notice: 'The override could not be recorded: Salesforce did not take it (Salesforce does not let Baton use its API.) and Baton’s storage on this computer is not working (quota).',
    });
    const { controller, m } = await closingAnyway(services);
    expect(m.proceed).not.toHaveBeenCalled();
    expect(gate(controller).note).toEqual({ tone: 'error', text: expect.stringMatching(/could not be recorded.*storage on this computer is not working.*The deal was not moved/) });
    expect(gate(controller).busy).toBe(false);
  });

  it('a bulk move lists each deal whose record waits, then completes on OK', async () => {
    const services = fakeServices();
    services.override.mockResolvedValue(SIGNED_OUT);
    const controller = new GateController(services, NOW);
    const proceed = vi.fn();
    await controller.holdBulk({ deals: [DEAL], target: { value: 'Closed Won', label: 'Closed Won' }, proceed });
    controller.startOverride();
    controller.setReason('Quarter end');
    await controller.confirmOverride();
    expect(recorded(controller.dialog.get()).text).toContain(SIGNED_OUT.notice);
    expect(proceed).not.toHaveBeenCalled();
    controller.acknowledgeRecorded();
    expect(proceed).toHaveBeenCalledOnce();
  });

  it('an override in the CRM closes at once, as before', async () => {
    const { controller, m } = await closingAnyway();
    expect(controller.dialog.get()).toBeNull();
    expect(m.proceed).toHaveBeenCalledOnce();
  });
});

describe('Baton’s storage failing under the dialog', () => {
  it('a draft that cannot be read or saved is reported in the dialog, and the notice goes once it works again', async () => {
    vi.useFakeTimers();
    try {
      const services = fakeServices();
      services.draftGet.mockRejectedValueOnce(new Error('Internal error opening backing store.'));
      services.draftSave.mockRejectedValueOnce(new Error('The quota has been exceeded.'));
      const controller = new GateController(services, NOW);
      await controller.hold(move());
      expect(gate(controller).draftNotice).toMatch(/cannot keep a copy of what you type on this computer \(Internal error opening backing store\.\).*Saving to the CRM still works/);
      controller.edit('useCase', 'typed');
      await vi.advanceTimersByTimeAsync(500);
      expect(gate(controller).draftNotice).toContain('The quota has been exceeded.');
      controller.edit('useCase', 'typed more');
      await vi.advanceTimersByTimeAsync(500);
      expect(gate(controller).draftNotice).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('save and close won still saves when no draft can be kept', async () => {
    const services = fakeServices();
    services.draftSave.mockRejectedValue(new Error('The quota has been exceeded.'));
    const controller = new GateController(services, NOW);
    const m = move();
    await controller.hold(m);
    for (const k of ['useCase', 'successMetric', 'riskFlags'] as const) controller.edit(k, GOOD[k]);
    await controller.saveAndClose();
    expect(services.saveFields).toHaveBeenCalledOnce();
    expect(m.proceed).toHaveBeenCalledOnce();
  });

  it('a passing failure that could not be queued tells the rep it was not queued', async () => {
    const services = fakeServices();
    services.saveFields.mockResolvedValueOnce({
      outcome: 'failed',
      queued: false,
      problem: { kind: 'unavailable', message: 'Salesforce is unavailable right now (HTTP 503).' },
      storage: 'Baton’s storage on this computer is not working (quota).',
    });
    const controller = new GateController(services, NOW);
    const m = move();
    await controller.hold(m);
    for (const k of ['useCase', 'successMetric', 'riskFlags'] as const) controller.edit(k, GOOD[k]);
    await controller.saveAndClose();
    expect(gate(controller).note?.text).toMatch(/HTTP 503.*storage on this computer is not working.*were not queued/);
    expect(m.proceed).not.toHaveBeenCalled();
  });
});
