/**
 * The gate fails closed (issue 13): a handoff read off the page never passes untouched, text the
 * page holds unsaved is never judged, a stage missing from a known stage list is held, and the
 * "Checking…" dialog can be cancelled and cannot hang.
 */
import { describe, expect, it, vi } from 'vitest';
import { GateController } from '@/lib/gate/controller';
import { decideGate } from '@/lib/gate/decide';
import type { BulkDialog, FailedDialog, GateDialog } from '@/lib/gate/dialogState';
import type { SnapshotResult } from '@/lib/messaging/protocol';
import { evaluateHandoff } from '@/lib/gate/evaluate';
import { GOOD_HANDOFF as GOOD } from '@/test/fixtures/handoffs';
import { DEAL, NOW, POLICY, fakeServices, move, snapshotOf } from './helpers';

const API_CLOSED = { kind: 'not-connected' as const, message: 'HubSpot is not connected.' };

function dialogOf<K extends 'gate' | 'failed' | 'bulk'>(controller: GateController, kind: K): K extends 'gate' ? GateDialog : K extends 'failed' ? FailedDialog : BulkDialog {
  const d = controller.dialog.get();
  if (d?.kind !== kind) throw new Error(`expected the ${kind} dialog, got ${d?.kind ?? 'none'}`);
  return d as never;
}

/** A controller whose API is closed, reading `fromPage` off the page. */
function apiClosed(fromPage: ReturnType<typeof snapshotOf>, policy = POLICY) {
  const services = fakeServices();
  services.snapshot.mockResolvedValue({ ok: false, problem: API_CLOSED, policy });
  const controller = new GateController(services, NOW);
  controller.setPageFallback(() => fromPage);
  return { controller, services };
}

const pageSnapshot = (artifact: Parameters<typeof snapshotOf>[0], extra: Parameters<typeof snapshotOf>[1] = {}) =>
  snapshotOf(artifact, { source: 'page', writable: false, stages: null, notice: 'Read from the page: HubSpot is not connected.', version: null, ...extra });

describe('a handoff read off the page (the API closed to Baton)', () => {
  it('never passes silently, even when it looks good: the dialog says the CRM could not confirm it, and why', async () => {
    const { controller, services } = apiClosed(pageSnapshot({ ...GOOD }));
    const m = move();
    await controller.hold(m);
    expect(m.proceed).not.toHaveBeenCalled();
    const d = dialogOf(controller, 'gate');
    expect(d.mode).toBe('block');
    expect(d.unconfirmed).toEqual(API_CLOSED);
    expect(d.evaluation.blocks).toBe(false);
    expect(services.audit).not.toHaveBeenCalledWith(DEAL, 'gate-passed', expect.anything());
  });

  it('"Save and close won" does not let it through; close anyway records the reason with why Baton could not confirm', async () => {
    const { controller, services } = apiClosed(pageSnapshot({ ...GOOD }));
    const m = move();
    await controller.hold(m);
    await controller.saveAndClose();
    expect(m.proceed).not.toHaveBeenCalled();
    expect(dialogOf(controller, 'gate').note?.tone).toBe('error');
    controller.startOverride();
    controller.setReason('Signed today, IT is connecting HubSpot');
    await controller.confirmOverride();
    expect(services.override).toHaveBeenCalledWith(
      DEAL,
      'Signed today, IT is connecting HubSpot (Baton could not confirm the handoff in the CRM and read it off the page: HubSpot is not connected.)',
      [],
      'Closed Won',
    );
    expect(m.proceed).toHaveBeenCalledOnce();
  });

  it('in warn mode the rep may go on without a reason, but is still shown the dialog; off passes', async () => {
    const warn = apiClosed(pageSnapshot({ ...GOOD }), { ...POLICY, enforcement: 'warn' }).controller;
    const m = move();
    await warn.hold(m);
    expect(dialogOf(warn, 'gate')).toMatchObject({ mode: 'warn', unconfirmed: API_CLOSED });
    warn.continueAnyway();
    expect(m.proceed).toHaveBeenCalledOnce();

    const off = apiClosed(pageSnapshot({ ...GOOD }), { ...POLICY, enforcement: 'off' }).controller;
    const passed = move();
    await off.hold(passed);
    expect(passed.proceed).toHaveBeenCalledOnce();
  });

  it('holds a move while the page holds unsaved edits of the handoff: the fail-safe dialog says so, and Try again looks once they are saved', async () => {
    const typedNotSaved = pageSnapshot({ ...GOOD, useCase: '' }, { fieldIssues: [{ element: 'useCase', field: 'handoff_use_case', problem: 'unsaved' }] });
    let fromPage = typedNotSaved;
    const services = fakeServices();
    services.snapshot.mockResolvedValue({ ok: false, problem: API_CLOSED, policy: POLICY });
    const controller = new GateController(services, NOW);
    controller.setPageFallback(() => fromPage);
    const m = move();
    await controller.hold(m);
    const failed = dialogOf(controller, 'failed');
    expect(failed.problem.message).toContain('HubSpot is not connected.');
    expect(failed.problem.message).toContain('holds edits not saved yet, so it cannot tell what is saved in Use case');
    expect(m.proceed).not.toHaveBeenCalled();

    fromPage = pageSnapshot({ ...GOOD });
    await controller.retry();
    expect(dialogOf(controller, 'gate').unconfirmed).toEqual(API_CLOSED);
    expect(m.proceed).not.toHaveBeenCalled();
  });

  it('the page’s own edit form that the move saves (Salesforce inline edit and Save) is judged, not held as unsaved', async () => {
    const inEdit = pageSnapshot({}, { fieldIssues: [{ element: 'useCase', field: 'Handoff_Use_Case__c', problem: 'unsaved' }] });
    const { controller } = apiClosed(inEdit);
    await controller.hold(move(undefined, { pendingEdits: { useCase: 'TBD' } }));
    expect(dialogOf(controller, 'gate').fields.useCase).toBe('TBD');
  });

  it('in a bulk move, a deal read only off the page stops the move with its reason', async () => {
    const { controller } = apiClosed(pageSnapshot({ ...GOOD }));
    const proceed = vi.fn();
    await controller.holdBulk({ deals: [DEAL], target: { value: 'Closed Won', label: 'Closed Won' }, proceed });
    expect(proceed).not.toHaveBeenCalled();
    expect(dialogOf(controller, 'bulk').items[0]?.problem?.message).toContain('HubSpot is not connected. Baton could read this deal only off the page');
  });
});

describe('decideGate', () => {
  const good = evaluateHandoff({ ...snapshotOf().artifact, ...GOOD }, snapshotOf(), 'Closed Won', POLICY.rules, NOW);
  it('passes a good handoff only when the CRM confirmed it, unless Baton is off', () => {
    expect(decideGate(good, 'enforce')).toBe('pass');
    expect(decideGate(good, 'enforce', false)).toBe('block');
    expect(decideGate(good, 'warn', false)).toBe('warn');
    expect(decideGate(good, 'off', false)).toBe('pass');
  });
});

describe('a stage the CRM’s stage list does not have', () => {
  it('is held with the fail-safe dialog naming it, never guessed from its label', async () => {
    for (const label of ['Signed', 'Closed Won (old)']) {
      const services = fakeServices(snapshotOf({ ...GOOD }));
      const controller = new GateController(services, NOW);
      const m = move({ value: null, label });
      await controller.hold(m);
      expect(m.proceed, label).not.toHaveBeenCalled();
      expect(dialogOf(controller, 'failed').problem.message).toBe(
        `Baton does not recognise the stage “${label}” in the CRM’s stage list for this deal, so it cannot tell whether it is a won stage.`,
      );
    }
  });

  it('Try again looks again, and close anyway records the reason', async () => {
    const services = fakeServices(snapshotOf({ ...GOOD }));
    const controller = new GateController(services, NOW);
    const m = move({ value: 'Signed', label: 'Signed' });
    await controller.hold(m);
    await controller.retry();
    expect(controller.dialog.get()?.kind).toBe('failed');
    controller.startOverride();
    controller.setReason('New stage, admin is on it');
    await controller.confirmOverride();
    expect(services.override.mock.calls[0]?.[1]).toContain('New stage, admin is on it (Baton could not check the handoff: Baton does not recognise the stage “Signed”');
    expect(m.proceed).toHaveBeenCalledOnce();
  });

  it('is held at the click (shouldHold) once the stages are known', async () => {
    const controller = new GateController(fakeServices(), NOW);
    await controller.arm(DEAL);
    expect(controller.shouldHold(move({ value: 'Signed', label: 'Signed' }))).toBe(true);
  });

  it('stops a bulk move: every deal is listed with the reason', async () => {
    const controller = new GateController(fakeServices(snapshotOf({ ...GOOD })), NOW);
    const proceed = vi.fn();
    await controller.holdBulk({ deals: [DEAL], target: { value: 'Signed', label: 'Signed' }, proceed });
    expect(proceed).not.toHaveBeenCalled();
    expect(dialogOf(controller, 'bulk').items[0]?.problem?.message).toContain('does not recognise the stage “Signed”');
  });
});

describe('the "Checking…" dialog', () => {
  function slowRead() {
    const services = fakeServices(snapshotOf({ ...GOOD }));
    let answer: (r: SnapshotResult) => void = () => {};
    services.snapshot.mockImplementationOnce(() => new Promise<SnapshotResult>((resolve) => (answer = resolve)));
    return { services, answer: (r: SnapshotResult) => answer(r) };
  }

  it('Cancel abandons the held move, and the answer that comes later does nothing', async () => {
    const { services, answer } = slowRead();
    const controller = new GateController(services, NOW);
    const abandon = vi.fn();
    const m = move(undefined, { abandon });
    const holding = controller.hold(m);
    expect(controller.dialog.get()?.kind).toBe('checking');
    controller.cancel();
    expect(controller.dialog.get()).toBeNull();
    expect(abandon).toHaveBeenCalledOnce();
    expect(services.audit).toHaveBeenCalledWith(DEAL, 'cancelled', []);
    answer({ ok: true, snapshot: snapshotOf({ ...GOOD }), policy: POLICY });
    await holding;
    expect(m.proceed).not.toHaveBeenCalled();
    expect(controller.dialog.get()).toBeNull();
  });

  it('a late blocking answer opens no dialog after Cancel either', async () => {
    const { services, answer } = slowRead();
    const controller = new GateController(services, NOW);
    const holding = controller.hold(move());
    controller.cancel();
    answer({ ok: true, snapshot: snapshotOf(), policy: POLICY });
    await holding;
    expect(controller.dialog.get()).toBeNull();
  });

  it('a bulk move cancelled while reading is abandoned, and the answers are dropped', async () => {
    const { services, answer } = slowRead();
    const controller = new GateController(services, NOW);
    const proceed = vi.fn();
    const abandon = vi.fn();
    const holding = controller.holdBulk({ deals: [DEAL], target: { value: 'Closed Won', label: 'Closed Won' }, proceed, abandon });
    controller.cancel();
    answer({ ok: true, snapshot: snapshotOf({ ...GOOD }), policy: POLICY });
    await holding;
    expect(abandon).toHaveBeenCalledOnce();
    expect(proceed).not.toHaveBeenCalled();
    expect(controller.dialog.get()).toBeNull();
  });

  it('cannot hang: past the deadline the fail-safe dialog says the check timed out, and the late answer is dropped', async () => {
    vi.useFakeTimers();
    try {
      const { services, answer } = slowRead();
      const controller = new GateController(services, NOW, new AbortController().signal, 30_000);
      const m = move();
      const holding = controller.hold(m);
      await vi.advanceTimersByTimeAsync(29_000);
      expect(controller.dialog.get()?.kind).toBe('checking');
      await vi.advanceTimersByTimeAsync(1_000);
      await holding;
      expect(dialogOf(controller, 'failed').problem.message).toBe('Baton could not read the deal within 30 seconds (the CRM or the browser did not answer).');
      answer({ ok: true, snapshot: snapshotOf({ ...GOOD }), policy: POLICY });
      await vi.advanceTimersByTimeAsync(0);
      expect(m.proceed).not.toHaveBeenCalled();
      expect(controller.dialog.get()?.kind).toBe('failed');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a bulk check past the deadline lists the deals not read in time', async () => {
    vi.useFakeTimers();
    try {
      const { services } = slowRead();
      const controller = new GateController(services, NOW, new AbortController().signal, 30_000);
      const proceed = vi.fn();
      const holding = controller.holdBulk({ deals: [DEAL], target: { value: 'Closed Won', label: 'Closed Won' }, proceed });
      await vi.advanceTimersByTimeAsync(30_000);
      await holding;
      expect(dialogOf(controller, 'bulk').items[0]?.problem?.message).toContain('within 30 seconds');
      expect(proceed).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a deal created in a won stage cannot wait for the stages for ever either', async () => {
    vi.useFakeTimers();
    try {
      const services = fakeServices();
      services.stages.mockImplementationOnce(() => new Promise(() => {}));
      const controller = new GateController(services, NOW, new AbortController().signal, 30_000);
      const proceed = vi.fn();
      const holding = controller.holdCreate({ crm: 'salesforce', instance: 'acme', target: { value: 'Closed Won', label: 'Closed Won' }, fields: { ...GOOD }, facts: { amount: 1, closeDate: '2027-01-15' }, proceed });
      await vi.advanceTimersByTimeAsync(30_000);
      await holding;
      expect(controller.dialog.get()).toMatchObject({ kind: 'create', problem: { message: 'Baton could not read the stages within 30 seconds (the CRM or the browser did not answer).' } });
      expect(proceed).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
