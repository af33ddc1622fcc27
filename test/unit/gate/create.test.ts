import { describe, expect, it, vi } from 'vitest';
import { GateController } from '@/lib/gate/controller';
import type { HeldCreate } from '@/lib/gate/heldMove';
import type { CreateDialog } from '@/lib/gate/dialogState';
import { GOOD_HANDOFF as GOOD } from '@/test/fixtures/handoffs';
import { NOW, POLICY, STAGES, fakeServices } from './helpers';

function creation(extra: Partial<HeldCreate> = {}): HeldCreate & { proceed: ReturnType<typeof vi.fn>; abandon: ReturnType<typeof vi.fn> } {
  return {
    crm: 'salesforce',
    instance: 'acme',
    target: { value: 'Closed Won', label: 'Closed Won' },
    fields: { useCase: '', successMetric: '', riskFlags: '' },
    facts: { amount: 50_000, closeDate: '2027-01-15' },
    proceed: vi.fn(),
    abandon: vi.fn(),
    ...extra,
  } as HeldCreate & { proceed: ReturnType<typeof vi.fn>; abandon: ReturnType<typeof vi.fn> };
}

function createDialog(controller: GateController): CreateDialog {
  const d = controller.dialog.get();
  if (d?.kind !== 'create') throw new Error(`expected the create dialog, got ${d?.kind ?? 'none'}`);
  return d;
}

describe('a deal created in a won stage', () => {
  it('is held before the stages are known, and not held for a known open stage', async () => {
    const controller = new GateController(fakeServices(), NOW);
    expect(controller.shouldHoldCreate(creation({ target: { value: 'Negotiation/Review', label: 'Negotiation/Review' } }))).toBe(true);
    await controller.loadStages({ crm: 'salesforce', instance: 'acme' });
    expect(controller.shouldHoldCreate(creation({ target: { value: 'Negotiation/Review', label: 'Negotiation/Review' } }))).toBe(false);
    expect(controller.shouldHoldCreate(creation())).toBe(true);
    expect(controller.shouldHoldCreate(creation({ target: { value: null, label: 'No such stage' } }))).toBe(true);
  });

  it('with an empty handoff in the form is blocked: nothing is created, the dialog lists what is missing', async () => {
    const controller = new GateController(fakeServices(), NOW);
    const c = creation();
    await controller.holdCreate(c);
    expect(c.proceed).not.toHaveBeenCalled();
    const d = createDialog(controller);
    expect(d.mode).toBe('block');
    expect(d.targetLabel).toBe('Closed Won');
    expect(d.evaluation?.blocks).toBe(true);
    expect(d.absent).toEqual([]);
    controller.cancel();
    expect(c.abandon).toHaveBeenCalledOnce();
    expect(controller.dialog.get()).toBeNull();
  });

  it('names the blocking elements the form does not show', async () => {
    const controller = new GateController(fakeServices(), NOW);
    await controller.holdCreate(creation({ fields: { useCase: GOOD.useCase } }));
    expect(createDialog(controller).absent).toEqual(['successMetric', 'riskFlags']);
  });

  it('with a good handoff in the form goes through', async () => {
    const controller = new GateController(fakeServices(), NOW);
    const c = creation({ fields: { ...GOOD } });
    await controller.holdCreate(c);
    expect(c.proceed).toHaveBeenCalledOnce();
    expect(controller.dialog.get()).toBeNull();
  });

  it('in an open stage goes through once the stages say so', async () => {
    const controller = new GateController(fakeServices(), NOW);
    const c = creation({ target: { value: 'Negotiation/Review', label: 'Negotiation/Review' } });
    await controller.holdCreate(c);
    expect(c.proceed).toHaveBeenCalledOnce();
  });

  it('in warn mode may be created anyway; close anyway is not offered (no record to write it on)', async () => {
    const controller = new GateController(fakeServices(undefined, { ...POLICY, enforcement: 'warn' }), NOW);
    const c = creation();
    await controller.holdCreate(c);
    expect(createDialog(controller).mode).toBe('warn');
    controller.startOverride();
    await controller.confirmOverride();
    expect(c.proceed).not.toHaveBeenCalled();
    controller.continueAnyway();
    expect(c.proceed).toHaveBeenCalledOnce();
  });

  it('is held with the reason when the stages cannot be read, and Try again checks again', async () => {
    const services = fakeServices();
    services.stages.mockResolvedValueOnce({ ok: false, problem: { kind: 'network', message: 'The network is down.' }, policy: POLICY });
    const controller = new GateController(services, NOW);
    const c = creation({ fields: { ...GOOD } });
    await controller.holdCreate(c);
    expect(createDialog(controller).problem?.message).toBe('The network is down.');
    expect(c.proceed).not.toHaveBeenCalled();
    await controller.retry();
    expect(c.proceed).toHaveBeenCalledOnce();
  });

  it('cancelled while the stages are read stays cancelled when the answer comes', async () => {
    const services = fakeServices();
    let answer: (value: Awaited<ReturnType<typeof services.stages>>) => void = () => {};
    services.stages.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const controller = new GateController(services, NOW);
    const c = creation({ fields: { ...GOOD } });
    const held = controller.holdCreate(c);
    controller.cancel();
    answer({ ok: true, stages: STAGES, policy: POLICY });
    await held;
    expect(c.abandon).toHaveBeenCalledOnce();
    expect(c.proceed).not.toHaveBeenCalled();
    expect(controller.dialog.get()).toBeNull();
  });
});
