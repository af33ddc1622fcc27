import { describe, expect, it, vi } from 'vitest';
import { GateController } from '@/lib/gate/controller';
import { changedFields } from '@/lib/gate/form';
import type { GateDialog } from '@/lib/gate/dialogState';
import { emptyArtifact } from '@/lib/domain/elements';
import { DEAL, GOOD_SNAPSHOT, NOW, POLICY, STAGES, fakeServices, move, snapshotOf } from './helpers';
import { GOOD_HANDOFF as GOOD } from '@/test/fixtures/handoffs';

function gate(controller: GateController): GateDialog {
  const d = controller.dialog.get();
  if (d?.kind !== 'gate') throw new Error(`expected the gate dialog, got ${d?.kind ?? 'none'}`);
  return d;
}

describe('GateController.hold', () => {
  it('lets a good handoff through untouched and records the pass', async () => {
    const services = fakeServices(GOOD_SNAPSHOT());
    const controller = new GateController(services, NOW);
    const m = move();
    await controller.hold(m);
    expect(m.proceed).toHaveBeenCalledOnce();
    expect(controller.dialog.get()).toBeNull();
    expect(services.audit).toHaveBeenCalledWith(DEAL, 'gate-passed', []);
  });

  it('blocks an empty handoff: the dialog opens, the move waits', async () => {
    const services = fakeServices();
    const controller = new GateController(services, NOW);
    const m = move();
    await controller.hold(m);
    expect(m.proceed).not.toHaveBeenCalled();
    const d = gate(controller);
    expect(d.mode).toBe('block');
    expect(d.targetLabel).toBe('Closed Won');
    expect(d.evaluation.blocks).toBe(true);
    expect(services.audit).toHaveBeenCalledWith(DEAL, 'gate-blocked', expect.any(Array));
  });

  it('reads the deal fresh at the moment of the move', async () => {
    const services = fakeServices();
    const controller = new GateController(services, NOW);
    await controller.arm(DEAL);
    services.snapshot.mockResolvedValueOnce({ ok: true, snapshot: GOOD_SNAPSHOT(), policy: POLICY });
    const m = move();
    await controller.hold(m);
    expect(services.snapshot).toHaveBeenCalledTimes(2);
    expect(m.proceed).toHaveBeenCalledOnce();
  });

  it('lets a move to a known non-won stage pass without holding it', async () => {
    const controller = new GateController(fakeServices(), NOW);
    expect(controller.shouldHold(move({ value: 'Closed Lost', label: 'Closed Lost' }))).toBe(true); // stages not known yet
    await controller.arm(DEAL);
    expect(controller.shouldHold(move({ value: 'Closed Lost', label: 'Closed Lost' }))).toBe(false);
    expect(controller.shouldHold(move({ value: null, label: 'closed  won (3)' }))).toBe(true);
    expect(controller.shouldHold(move('collapsed-closed'))).toBe(false); // the closed-stage modal opens: gated there
  });

  it('a held move that turns out not to be won proceeds without a dialog', async () => {
    const controller = new GateController(fakeServices(), NOW);
    const m = move({ value: 'Closed Lost', label: 'Closed Lost' });
    await controller.hold(m);
    expect(m.proceed).toHaveBeenCalledOnce();
    expect(controller.dialog.get()).toBeNull();
  });

  it('"Mark Stage as Complete" into the collapsed Closed chevron is a won move only when every closed stage is won', async () => {
    const onlyWon = snapshotOf({}, { stages: STAGES.filter((s) => s.value !== 'Closed Lost') });
    const controller = new GateController(fakeServices(onlyWon), NOW);
    const m = move('collapsed-closed');
    await controller.hold(m);
    expect(m.proceed).not.toHaveBeenCalled();
    expect(gate(controller).targetLabel).toBe('Closed Won');
  });

  it('with no stage list (read off the page), a closed-stage choice or a label that says won is gated', async () => {
    for (const [target, amongClosed, gated] of [
      [{ value: 'Closed Won', label: 'Closed Won' }, false, true],
      [{ value: 'Gewonnen', label: 'Geschlossen und gewonnen' }, false, true],
      [{ value: 'Contract signed', label: 'Contract signed' }, true, true],
      [{ value: 'Qualification', label: 'Qualification' }, false, false],
    ] as const) {
      const controller = new GateController(fakeServices(snapshotOf({}, { stages: null })), NOW);
      const m = move(target, { amongClosedStages: amongClosed });
      await controller.hold(m);
      expect(m.proceed.mock.calls.length, target.label).toBe(gated ? 0 : 1);
    }
  });

  it('judges what the rep typed into the page’s own edit form too', async () => {
    const controller = new GateController(fakeServices(GOOD_SNAPSHOT()), NOW);
    const m = move(undefined, { pendingEdits: { useCase: 'TBD' } });
    await controller.hold(m);
    expect(gate(controller).fields.useCase).toBe('TBD');
    expect(m.proceed).not.toHaveBeenCalled();
  });

  it('warn mode opens the dialog in warn mode; off never holds', async () => {
    const warn = new GateController(fakeServices(snapshotOf(), { ...POLICY, enforcement: 'warn' }), NOW);
    await warn.hold(move());
    expect(gate(warn).mode).toBe('warn');
    warn.continueAnyway();
    expect(warn.dialog.get()).toBeNull();

    const off = new GateController(fakeServices(snapshotOf(), { ...POLICY, enforcement: 'off' }), NOW);
    const m = move();
    await off.hold(m);
    expect(m.proceed).toHaveBeenCalledOnce();
  });

  it('fail-safe: a failed read opens the error dialog, never a silent pass; retry looks again', async () => {
    const services = fakeServices(GOOD_SNAPSHOT());
    services.snapshot.mockResolvedValueOnce({ ok: false, problem: { kind: 'unavailable', message: 'Salesforce is unavailable right now (HTTP 503).' }, policy: POLICY });
    const controller = new GateController(services, NOW);
    const m = move();
    await controller.hold(m);
    expect(controller.dialog.get()).toMatchObject({ kind: 'failed', problem: { kind: 'unavailable' } });
    expect(m.proceed).not.toHaveBeenCalled();
    await controller.retry();
    expect(m.proceed).toHaveBeenCalledOnce();
  });

  it('a background that does not answer is a failure too', async () => {
    const services = fakeServices();
    services.snapshot.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    const controller = new GateController(services, NOW);
    await controller.hold(move());
    expect(controller.dialog.get()).toMatchObject({ kind: 'failed', problem: { kind: 'network' } });
  });

  it('when the API is closed it judges what the page shows, read-only', async () => {
    const services = fakeServices();
    services.snapshot.mockResolvedValue({ ok: false, problem: { kind: 'api-disabled', message: 'No API for you.' }, policy: POLICY });
    const controller = new GateController(services, NOW);
    const fromPage = snapshotOf({ useCase: 'TBD' }, { source: 'page', writable: false, stages: null, notice: 'Read from the page' });
    controller.setPageFallback(() => fromPage);
    await controller.hold(move());
    expect(gate(controller).snapshot.source).toBe('page');
    expect(GateController.writableElements(gate(controller).snapshot).size).toBe(0);
  });

  it('the badge reads the page again once it has drawn the deal, when the API was refused before it had (without asking the API again)', async () => {
    const services = fakeServices();
    services.snapshot.mockResolvedValue({ ok: false, problem: { kind: 'session-expired', message: 'Token revoked.' }, policy: POLICY });
    const controller = new GateController(services, NOW);
    let drawn = false;
    controller.setPageFallback(() => (drawn ? snapshotOf({ useCase: 'TBD' }, { source: 'page', writable: false, stages: null, notice: 'Read from the page' }) : null));
    await controller.arm(DEAL);
    expect(controller.readiness.get()).toMatchObject({ kind: 'failed', problem: { kind: 'session-expired' } });
    controller.readPageAgain(); // the page has not drawn the deal yet
    expect(controller.readiness.get().kind).toBe('failed');
    drawn = true;
    controller.readPageAgain();
    expect(controller.readiness.get()).toMatchObject({ kind: 'ready', snapshot: { source: 'page' } });
    expect(services.snapshot).toHaveBeenCalledTimes(1);
  });

  it('a refusal that is not about API access is not papered over by the page', async () => {
    const services = fakeServices();
    services.snapshot.mockResolvedValue({ ok: false, problem: { kind: 'not-found', message: 'Gone.' }, policy: POLICY });
    const controller = new GateController(services, NOW);
    controller.setPageFallback(() => snapshotOf({ useCase: 'TBD' }, { source: 'page', writable: false, stages: null, notice: 'Read from the page' }));
    await controller.arm(DEAL);
    controller.readPageAgain();
    expect(controller.readiness.get()).toMatchObject({ kind: 'failed', problem: { kind: 'not-found' } });
  });

  it('restores a saved draft into the form, and keeps its base for the conflict check', async () => {
    const services = fakeServices(snapshotOf({ useCase: 'old' }));
    services.draftGet.mockResolvedValue({ fields: { useCase: 'typed before the reload' }, baseValues: { useCase: 'older' }, updatedAt: '2027-01-10T09:00:00.000Z' });
    const controller = new GateController(services, NOW);
    await controller.hold(move());
    const d = gate(controller);
    expect(d.fields.useCase).toBe('typed before the reload');
    expect(d.base.useCase).toBe('older');
    expect(d.restoredDraft).toBe(true);
    expect(d.note?.text).toContain('Restored');
  });
});

describe('the dialog’s actions', () => {
  async function blocked(services = fakeServices()) {
    const controller = new GateController(services, NOW);
    const m = move();
    await controller.hold(m);
    return { controller, m, services };
  }

  it('re-runs the rules as the rep types and saves a draft shortly after', async () => {
    vi.useFakeTimers();
    try {
      const { controller, services } = await blocked();
      const before = gate(controller).evaluation.nonNegotiablesReady;
      controller.edit('useCase', GOOD.useCase);
      expect(gate(controller).evaluation.nonNegotiablesReady).toBe(before + 1);
      expect(services.draftSave).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(500);
      expect(services.draftSave).toHaveBeenCalledWith(DEAL, { useCase: GOOD.useCase }, { useCase: '' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('Save and close won writes only the changed fields with their base, then completes the move', async () => {
    const { controller, m, services } = await blocked();
    for (const k of ['useCase', 'successMetric', 'riskFlags'] as const) controller.edit(k, GOOD[k]);
    await controller.saveAndClose();
    expect(services.saveFields).toHaveBeenCalledWith(
      DEAL,
      { useCase: GOOD.useCase, successMetric: GOOD.successMetric, riskFlags: GOOD.riskFlags },
      { useCase: '', successMetric: '', riskFlags: '' },
    );
    expect(m.proceed).toHaveBeenCalledOnce();
    expect(controller.dialog.get()).toBeNull();
    expect(services.audit).toHaveBeenCalledWith(DEAL, 'saved-and-closed', expect.any(Array));
  });

  it('does not save while something still blocks (enforce mode)', async () => {
    const { controller, m, services } = await blocked();
    controller.edit('useCase', 'TBD');
    await controller.saveAndClose();
    expect(services.saveFields).not.toHaveBeenCalled();
    expect(m.proceed).not.toHaveBeenCalled();
    expect(gate(controller).note?.tone).toBe('error');
  });

  it('a conflict shows their text, saves nothing, and the next save replaces it knowingly', async () => {
    const services = fakeServices();
    services.saveFields.mockResolvedValueOnce({ outcome: 'conflict', conflicts: [{ element: 'useCase', theirs: 'their text' }] });
    const { controller, m } = await blocked(services);
    for (const k of ['useCase', 'successMetric', 'riskFlags'] as const) controller.edit(k, GOOD[k]);
    await controller.saveAndClose();
    const d = gate(controller);
    expect(d.conflicts).toEqual({ useCase: 'their text' });
    expect(d.base.useCase).toBe('their text');
    expect(d.fields.useCase).toBe(GOOD.useCase);
    expect(m.proceed).not.toHaveBeenCalled();
    await controller.saveAndClose();
    expect(services.saveFields).toHaveBeenLastCalledWith(DEAL, expect.objectContaining({ useCase: GOOD.useCase }), expect.objectContaining({ useCase: 'their text' }));
    expect(m.proceed).toHaveBeenCalledOnce();
  });

  it('a queued failure keeps the dialog, says the write waits, and does not move the deal', async () => {
    const services = fakeServices();
    services.saveFields.mockResolvedValueOnce({ outcome: 'failed', queued: true, problem: { kind: 'rate-limited', message: 'Salesforce is refusing requests for now.' } });
    services.outbox.mockResolvedValue([
      { id: 1, deal: DEAL, kind: 'update-fields', status: 'pending', createdAt: '2027-01-11T12:00:00.000Z', attempts: 1, lastError: 'busy', lastErrorKind: 'rate-limited', nextAttemptAt: '2027-01-11T12:01:00.000Z' },
    ]);
    const { controller, m } = await blocked(services);
    for (const k of ['useCase', 'successMetric', 'riskFlags'] as const) controller.edit(k, GOOD[k]);
    await controller.saveAndClose();
    const d = gate(controller);
    expect(d.note?.text).toContain('sent automatically');
    expect(d.pending).toHaveLength(1);
    expect(m.proceed).not.toHaveBeenCalled();
  });

  it('close anyway needs a non-blank reason, then records it with the findings and lets the move through', async () => {
    const { controller, m, services } = await blocked();
    controller.startOverride();
    controller.setReason('   ');
    await controller.confirmOverride();
    expect(services.override).not.toHaveBeenCalled();
    expect(gate(controller).note?.tone).toBe('error');
    controller.setReason('Signed at quarter end');
    await controller.confirmOverride();
    expect(services.override).toHaveBeenCalledWith(DEAL, 'Signed at quarter end', expect.arrayContaining([expect.objectContaining({ severity: 'block' })]), 'Closed Won');
    expect(m.proceed).toHaveBeenCalledOnce();
  });

  it('closing anyway when the deal could not be read records that it was never checked, and why; for each deal of a bulk move too', async () => {
    const services = fakeServices();
    services.snapshot.mockResolvedValue({ ok: false, problem: { kind: 'unavailable', message: 'Salesforce is down.' }, policy: POLICY });
    const controller = new GateController(services, NOW);
    await controller.hold(move());
    controller.startOverride();
    controller.setReason(' Quarter end ');
    await controller.confirmOverride();
    expect(services.override).toHaveBeenLastCalledWith(DEAL, 'Quarter end (Baton could not check the handoff: Salesforce is down.)', [], 'Closed Won');
    const proceed = vi.fn();
    await controller.holdBulk({ deals: [DEAL], target: { value: 'Closed Won', label: 'Closed Won' }, proceed });
    controller.startOverride();
    controller.setReason('Quarter end');
    await controller.confirmOverride();
    expect(services.override).toHaveBeenLastCalledWith(DEAL, 'Quarter end (Baton could not check the handoff: Salesforce is down.)', [], 'Closed Won');
    expect(proceed).toHaveBeenCalledOnce();
  });

  it('an override that cannot be recorded at all does not move the deal', async () => {
    const services = fakeServices();
    services.override.mockRejectedValueOnce(new Error('no background'));
    const { controller, m } = await blocked(services);
    controller.startOverride();
    controller.setReason('because');
    await controller.confirmOverride();
    expect(m.proceed).not.toHaveBeenCalled();
    expect(gate(controller).note?.text).toContain('could not be recorded');
  });

  it('cancel closes the dialog, keeps the draft and records the cancel', async () => {
    const { controller, m, services } = await blocked();
    controller.edit('useCase', 'half typed');
    controller.cancel();
    expect(controller.dialog.get()).toBeNull();
    expect(m.proceed).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(services.draftSave).toHaveBeenCalled());
    expect(services.audit).toHaveBeenCalledWith(DEAL, 'cancelled', expect.any(Array));
  });
});

describe('readiness', () => {
  it('arms with the deal’s evaluation and marks the moment for the benchmark', async () => {
    const controller = new GateController(fakeServices(GOOD_SNAPSHOT()), NOW);
    await controller.arm(DEAL);
    const r = controller.readiness.get();
    expect(r.kind).toBe('ready');
    expect(r.kind === 'ready' && r.evaluation.nonNegotiablesReady).toBe(3);
    expect(performance.getEntriesByName('baton:gate-armed').length).toBeGreaterThan(0);
  });

  it('ignores an answer for a deal the rep has navigated away from', async () => {
    const services = fakeServices();
    let release!: () => void;
    services.snapshot.mockImplementationOnce(() => new Promise((r) => (release = () => r({ ok: true, snapshot: snapshotOf(), policy: POLICY }))));
    const controller = new GateController(services, NOW);
    const first = controller.arm(DEAL);
    await controller.arm({ ...DEAL, recordId: '006Hs00001otherAAA' });
    release();
    await first;
    const r = controller.readiness.get();
    expect(r.kind === 'ready' && r.deal.recordId).toBe('006Hs00001otherAAA');
  });
});

describe('changedFields', () => {
  it('keeps only what differs from the CRM', () => {
    expect(changedFields({ ...emptyArtifact(), useCase: 'a', timeline: '' }, { ...emptyArtifact(), useCase: 'b' })).toEqual({ useCase: 'a' });
  });
});

describe('large handoffs in the dialog', () => {
  it('re-judge once typing pauses, and always before saving', async () => {
    vi.useFakeTimers();
    try {
      const longGaps = Array.from({ length: 3000 }, (_, i) => `Report${i} is not available in the standard package.`).join(' ');
      const services = fakeServices(snapshotOf({ knownGaps: longGaps }));
      const controller = new GateController(services, NOW);
      await controller.hold(move());
      const before = gate(controller).evaluation;
      controller.edit('useCase', GOOD.useCase);
      expect(gate(controller).evaluation).toBe(before); // not yet
      await vi.advanceTimersByTimeAsync(300);
      expect(gate(controller).evaluation.nonNegotiablesReady).toBe(before.nonNegotiablesReady + 1);
      controller.edit('successMetric', GOOD.successMetric);
      controller.edit('riskFlags', GOOD.riskFlags);
      await controller.saveAndClose(); // no wait: the save judges the form as it is
      expect(services.saveFields).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
