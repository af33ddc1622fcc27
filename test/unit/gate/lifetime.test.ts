import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GateController } from '@/lib/gate/controller';
import { every, later, within } from '@/lib/gate/lifetime';
import { GOOD_HANDOFF as GOOD } from '@/test/fixtures/handoffs';
import { NOW, fakeServices, move } from './helpers';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('later and every', () => {
  it('run until the signal aborts, and leave no timer behind', () => {
    const gate = new AbortController();
    const once = vi.fn();
    const tick = vi.fn();
    later(gate.signal, 100, once);
    every(gate.signal, 100, tick);
    vi.advanceTimersByTime(250);
    expect(once).toHaveBeenCalledOnce();
    expect(tick).toHaveBeenCalledTimes(2);
    later(gate.signal, 100, once);
    gate.abort();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(once).toHaveBeenCalledOnce();
    expect(tick).toHaveBeenCalledTimes(2);
    later(gate.signal, 100, once);
    every(gate.signal, 100, tick);
    expect(vi.getTimerCount()).toBe(0); // nothing starts on a stopped gate
  });

  it('a cancelled later neither runs nor stays subscribed to the signal', () => {
    const gate = new AbortController();
    const removed = vi.spyOn(gate.signal, 'removeEventListener');
    const f = vi.fn();
    const cancel = later(gate.signal, 100, f);
    cancel();
    vi.advanceTimersByTime(200);
    expect(f).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
  });
});

describe('within', () => {
  it('ends with its parent, or on its own without ending the parent', () => {
    const gate = new AbortController();
    const first = within(gate.signal);
    first.abort();
    expect(gate.signal.aborted).toBe(false);
    const second = within(gate.signal);
    gate.abort();
    expect(second.signal.aborted).toBe(true);
    expect(within(gate.signal).signal.aborted).toBe(true);
  });
});

describe('GateController, stopped', () => {
  it('leaves no draft or re-judge timer running, and saves nothing after', async () => {
    const gate = new AbortController();
    const services = fakeServices();
    const controller = new GateController(services, NOW, gate.signal);
    await controller.hold(move());
    expect(controller.dialog.get()?.kind).toBe('gate');
    controller.edit('useCase', GOOD.useCase);
    expect(vi.getTimerCount()).toBe(2); // the draft save and the re-judge, both waiting for a pause in typing
    gate.abort();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(5000);
    expect(services.draftSave).not.toHaveBeenCalled();
    controller.edit('useCase', 'more');
    expect(vi.getTimerCount()).toBe(0);
  });
});
