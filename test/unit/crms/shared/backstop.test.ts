// @vitest-environment happy-dom
/**
 * The isolated-world half of the backstop with the real gate controller (fake CRM services): what
 * the page-world script asks, and what the gate answers.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenForPageSaves } from '@/lib/crms/shared/page/backstop';
import { SAVES_CONNECT_EVENT, SAVES_READY_EVENT, answerEvent, askEvent, byeEvent, type HeldReading, type PageSave } from '@/lib/crms/shared/page/saveWire';
import { SALESFORCE_SAVE_FIELDS } from '@/lib/crms/salesforce/page/saves';
import { GateController } from '@/lib/gate/controller';
import { DEFAULT_SALESFORCE_MAPPING } from '@/lib/settings/schema';
import { GOOD_HANDOFF } from '@/test/fixtures/handoffs';
import { DEAL, GOOD_SNAPSHOT, NOW, POLICY, fakeServices, move, snapshotOf } from '@/test/unit/gate/helpers';

const stops: AbortController[] = [];
afterEach(() => {
  for (const s of stops.splice(0)) s.abort();
});

function setUp(services = fakeServices(), mapping: () => typeof DEFAULT_SALESFORCE_MAPPING | null | Promise<typeof DEFAULT_SALESFORCE_MAPPING | null> = () => DEFAULT_SALESFORCE_MAPPING) {
  const controller = new GateController(services, NOW);
  const stop = new AbortController();
  stops.push(stop);
  let channel = '';
  const grab = (e: Event) => {
    channel = (e as CustomEvent).detail as string;
  };
  window.addEventListener(SAVES_CONNECT_EVENT, grab, { once: true });
  listenForPageSaves({
    crm: { id: 'salesforce' },
    instance: () => DEAL.instance,
    controller,
    fields: SALESFORCE_SAVE_FIELDS,
    dealOf: (instance, recordId) => ({ crm: 'salesforce', instance, recordId }),
    mapping,
    signal: stop.signal,
  });
  const answers: Array<{ id: number; go: boolean; rewrite?: unknown }> = [];
  window.addEventListener(answerEvent(channel), (e) => answers.push(JSON.parse((e as CustomEvent).detail as string)), { signal: stop.signal });
  let nextId = 1;
  const ask = (reading: HeldReading) => {
    const id = nextId++;
    window.dispatchEvent(new CustomEvent(askEvent(channel), { detail: JSON.stringify({ id, reading }) }));
    return id;
  };
  return { controller, services, stop, channel, answers, ask };
}

const save = (fields: Record<string, string | null> = {}, stage = 'Closed Won', recordId: string | null = DEAL.recordId): PageSave => ({ recordId, stage, fields: { StageName: stage, ...fields } });
const saves = (...list: PageSave[]): HeldReading => ({ kind: 'saves', saves: list });

const HANDOFF_FIELDS = {
  [DEFAULT_SALESFORCE_MAPPING.useCase]: GOOD_HANDOFF.useCase,
  [DEFAULT_SALESFORCE_MAPPING.successMetric]: GOOD_HANDOFF.successMetric,
  [DEFAULT_SALESFORCE_MAPPING.riskFlags]: GOOD_HANDOFF.riskFlags,
};

describe('the gate answers the page’s held saves', () => {
  it('connects with a fresh random channel, and again when the page-world script says it is ready', () => {
    const { channel } = setUp();
    expect(channel).toMatch(/^baton-[0-9a-f-]{36}$/);
    const again = vi.fn();
    window.addEventListener(SAVES_CONNECT_EVENT, again, { once: true });
    window.dispatchEvent(new Event(SAVES_READY_EVENT));
    expect(again).toHaveBeenCalledOnce();
  });

  it('a move to won of a deal whose handoff is good: read, passed, the save goes', async () => {
    const { ask, answers } = setUp(fakeServices(GOOD_SNAPSHOT()));
    const id = ask(saves(save()));
    await vi.waitFor(() => expect(answers).toEqual([{ id, go: true }]));
  });

  it('an empty handoff: the dialog opens on that deal and the save waits; cancel fails it', async () => {
    const { ask, answers, controller } = setUp();
    const id = ask(saves(save()));
    await vi.waitFor(() => expect(controller.dialog.get()?.kind).toBe('gate'));
    expect(answers).toEqual([]);
    controller.cancel();
    await vi.waitFor(() => expect(answers).toEqual([{ id, go: false }]));
  });

  it('a save that fills the handoff and moves to won is judged on the handoff it writes', async () => {
    const { ask, answers, controller } = setUp();
    const id = ask(saves(save(HANDOFF_FIELDS)));
    await vi.waitFor(() => expect(answers).toEqual([{ id, go: true }]));
    expect(controller.dialog.get()).toBeNull();
  });

  it('a save that comes before the page has read the field mapping is read with the mapping once it comes', async () => {
    let mapped: (m: typeof DEFAULT_SALESFORCE_MAPPING) => void = () => {};
    const { ask, answers } = setUp(fakeServices(), () => new Promise((resolve) => (mapped = resolve)));
    const id = ask(saves(save(HANDOFF_FIELDS)));
    await new Promise((r) => setTimeout(r, 20));
    expect(answers).toEqual([]);
    mapped(DEFAULT_SALESFORCE_MAPPING);
    await vi.waitFor(() => expect(answers).toEqual([{ id, go: true }])); // judged on the handoff the save writes
  });

  it('a move to a stage the gate knows is not won goes in the same task, with no read', async () => {
    const { ask, answers, controller, services } = setUp();
    await controller.arm(DEAL);
    services.snapshot.mockClear();
    const id = ask(saves(save({}, 'Closed Lost')));
    expect(answers).toEqual([{ id, go: true }]);
    expect(services.snapshot).not.toHaveBeenCalled();
  });

  it('the page’s save of a move the gate just let through goes at once: no second read, no second dialog', async () => {
    const { ask, answers, controller, services } = setUp();
    const clicked = move();
    await controller.hold(clicked); // the UI's recognition held the click: empty handoff, dialog
    await controller.startOverride();
    controller.setReason('Signed today, CS briefed by phone');
    await controller.confirmOverride();
    expect(clicked.proceed).toHaveBeenCalledOnce();
    services.snapshot.mockClear();
    const id = ask(saves(save()));
    expect(answers).toEqual([{ id, go: true }]);
    expect(services.snapshot).not.toHaveBeenCalled();
    // One use: the next save of the same move is judged again.
    ask(saves(save()));
    await vi.waitFor(() => expect(controller.dialog.get()?.kind).toBe('gate'));
  });

  it('the rep fixes the handoff in Baton’s dialog and saves: the page’s save goes with that text instead of the page’s own', async () => {
    const { ask, answers, controller } = setUp();
    const useCase = DEFAULT_SALESFORCE_MAPPING.useCase;
    const id = ask(saves(save({ [useCase]: 'TBD', Name: 'Acme' })));
    await vi.waitFor(() => expect(controller.dialog.get()?.kind).toBe('gate'));
    const d = controller.dialog.get();
    expect(d?.kind === 'gate' ? d.fields.useCase : null).toBe('TBD'); // judged on what the save writes
    controller.edit('useCase', GOOD_HANDOFF.useCase);
    controller.edit('successMetric', GOOD_HANDOFF.successMetric);
    controller.edit('riskFlags', GOOD_HANDOFF.riskFlags);
    await controller.saveAndClose();
    await vi.waitFor(() => expect(answers).toEqual([{ id, go: true, rewrite: [{ recordId: DEAL.recordId, fields: { [useCase]: GOOD_HANDOFF.useCase } }] }]));
  });

  it('the same when the UI recognition held the click and the dialog saved: the page’s save that follows is rewritten', async () => {
    const { ask, answers, controller } = setUp();
    const useCase = DEFAULT_SALESFORCE_MAPPING.useCase;
    await controller.hold(move(undefined, { pendingEdits: { useCase: 'TBD' } }));
    controller.edit('useCase', GOOD_HANDOFF.useCase);
    controller.edit('successMetric', GOOD_HANDOFF.successMetric);
    controller.edit('riskFlags', GOOD_HANDOFF.riskFlags);
    await controller.saveAndClose();
    const id = ask(saves(save({ [useCase]: 'TBD' })));
    expect(answers).toEqual([{ id, go: true, rewrite: [{ recordId: DEAL.recordId, fields: { [useCase]: GOOD_HANDOFF.useCase } }] }]);
  });

  it('saves of several deals to one stage in the same task are one bulk decision', async () => {
    const good = { ...DEAL, recordId: '006Hs00001goodDEIAY' };
    const services = fakeServices();
    services.snapshot.mockImplementation(async (deal) =>
      deal.recordId === good.recordId ? { ok: true, snapshot: { ...GOOD_SNAPSHOT(), deal: good }, policy: POLICY } : { ok: true, snapshot: snapshotOf(), policy: POLICY },
    );
    const { ask, answers, controller } = setUp(services);
    const a = ask(saves(save({}, 'Closed Won', good.recordId)));
    const b = ask(saves(save()));
    await vi.waitFor(() => expect(controller.dialog.get()?.kind).toBe('bulk'));
    const d = controller.dialog.get();
    expect(d?.kind === 'bulk' ? d.items.map((i) => i.deal.recordId) : null).toEqual([DEAL.recordId]);
    controller.cancel();
    await vi.waitFor(() => expect(answers).toEqual([{ id: a, go: false }, { id: b, go: false }]));
  });

  it('saves wait their turn behind an open dialog', async () => {
    const { ask, answers, controller } = setUp(fakeServices(GOOD_SNAPSHOT()));
    controller.dialog.set({ kind: 'checking', move: move() });
    const id = ask(saves(save()));
    await new Promise((r) => setTimeout(r, 20));
    expect(answers).toEqual([]);
    controller.dialog.set(null);
    await vi.waitFor(() => expect(answers).toEqual([{ id, go: true }]));
  });

  it('a new deal created in a won stage is judged on the handoff the create request writes', async () => {
    const { ask, answers, controller } = setUp();
    const id = ask(saves(save({ Name: 'New', Amount: '5000' }, 'Closed Won', null)));
    await vi.waitFor(() => expect(controller.dialog.get()?.kind).toBe('create'));
    controller.cancel();
    await vi.waitFor(() => expect(answers).toEqual([{ id, go: false }]));
    const ok = ask(saves(save({ Name: 'New', ...HANDOFF_FIELDS }, 'Closed Won', null)));
    await vi.waitFor(() => expect(answers).toContainEqual({ id: ok, go: true }));
  });
});

describe('a save Baton cannot read is held (fail closed)', () => {
  it('with its deal: the fail-safe dialog says Baton could not read the save; close anyway is recorded and lets it go', async () => {
    const { ask, answers, controller, services } = setUp();
    const id = ask({ kind: 'unreadable', why: 'Its body is not the actions Lightning sends, and it names StageName.', recordId: DEAL.recordId });
    await vi.waitFor(() => expect(controller.dialog.get()?.kind).toBe('failed'));
    const d = controller.dialog.get();
    expect(d?.kind === 'failed' ? d.problem.message : '').toMatch(/^Baton could not read a save this page sent: Its body is not the actions/);
    controller.startOverride();
    controller.setReason('Closing from the console');
    await controller.confirmOverride();
    expect(services.override).toHaveBeenCalledWith(DEAL, expect.stringContaining('Closing from the console'), [], 'a stage Baton could not read');
    await vi.waitFor(() => expect(answers).toEqual([{ id, go: true }]));
  });

  it('without a deal: a dialog that can only cancel it', async () => {
    const { ask, answers, controller } = setUp();
    const id = ask({ kind: 'unreadable', why: 'It changes the deal stage of every deal matching a filter.', recordId: null });
    await vi.waitFor(() => expect(controller.dialog.get()?.kind).toBe('unreadable-save'));
    controller.startOverride();
    await controller.confirmOverride();
    expect(answers).toEqual([]);
    controller.cancel();
    await vi.waitFor(() => expect(answers).toEqual([{ id, go: false }]));
  });

  it('an ask the gate cannot check is refused', () => {
    const { channel, answers } = setUp();
    window.dispatchEvent(new CustomEvent(askEvent(channel), { detail: JSON.stringify({ id: 7, reading: { kind: 'saves', saves: 'all' } }) }));
    expect(answers).toEqual([{ id: 7, go: false }]);
  });
});

it('when the gate stops, it says goodbye on its channel (the page-world script then waits for the next gate)', () => {
  const { channel, stop } = setUp();
  const bye = vi.fn();
  window.addEventListener(byeEvent(channel), bye);
  stop.abort();
  expect(bye).toHaveBeenCalledOnce();
});
