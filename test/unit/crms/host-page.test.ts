// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GateController } from '@/lib/gate/controller';
import { followHostPage, sameMode, type HostMode } from '@/lib/crms/shared/page/hostPage';
import { liveListeners } from './liveListeners';

const RECORD = /\/deal\/(\w+)$/;
const modeOf = (url: string): HostMode => {
  const record = RECORD.exec(url);
  if (record) return { kind: 'record', deal: { crm: 'hubspot', instance: '123', recordId: record[1] ?? '' } };
  return url.endsWith('/board') ? { kind: 'collection', instance: '123' } : { kind: 'off' };
};

function setup(startAt: string, mapping: () => Promise<unknown> = async () => ({ mapped: true })) {
  history.replaceState({}, '', startAt);
  const gate = new AbortController();
  const controller = { arm: vi.fn(async () => {}), disarm: vi.fn(), loadStages: vi.fn(async () => {}), setPageFallback: vi.fn(), readPageAgain: vi.fn() };
  const urlListeners = new Set<() => void>();
  const onClick = vi.fn();
  const check = vi.fn();
  const hideOverlays = vi.fn();
  const page = followHostPage({
    crm: {
      id: 'hubspot',
      dealFromUrl: (url) => {
        const mode = modeOf(url);
        return mode.kind === 'record' ? mode.deal : null;
      },
      collectionFromUrl: (url) => {
        const mode = modeOf(url);
        return mode.kind === 'collection' ? mode.instance : null;
      },
    },
    controller: controller as unknown as GateController,
    mapping,
    pageSnapshot: () => null,
    listeners: [['click', onClick]],
    check,
    hideOverlays,
    signal: gate.signal,
    onUrlChange(listener, until) {
      urlListeners.add(listener);
      until.addEventListener('abort', () => urlListeners.delete(listener));
    },
  });
  const navigate = async (path: string) => {
    history.pushState({}, '', path);
    for (const l of urlListeners) l();
    await vi.waitFor(() => expect(page.mode()).toEqual(modeOf(location.href)));
  };
  const click = () => document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  const stop = () => gate.abort();
  return { page, stop, controller, onClick, check, hideOverlays, navigate, click, urlListeners };
}

afterEach(() => vi.useRealTimers());

describe('followHostPage', () => {
  it('mappingNow: the mapping at once once read; when the first read failed, asked for again at the move', async () => {
    let reads = 0;
    const { page, stop } = setup('/deal/42', async () => {
      reads += 1;
      if (reads === 1) throw new Error('settings not answering yet');
      return { mapped: true };
    });
    await vi.waitFor(() => expect(reads).toBe(1));
    expect(page.mapping()).toBeNull();
    const now = page.mappingNow();
    expect(now).toBeInstanceOf(Promise);
    await expect(now).resolves.toEqual({ mapped: true });
    expect(reads).toBe(2);
    stop();

    const read = setup('/deal/43');
    await vi.waitFor(() => expect(read.page.mapping()).toEqual({ mapped: true }));
    expect(read.page.mappingNow()).toEqual({ mapped: true }); // no second read, no promise
    read.stop();
  });

  it('does nothing on a page that is not a deal: no listener, no arming', async () => {
    const { controller, onClick, click, page, stop } = setup('/contacts/123/objects/0-2/views/all/list');
    await Promise.resolve();
    click();
    expect(onClick).not.toHaveBeenCalled();
    expect(controller.arm).not.toHaveBeenCalled();
    expect(page.instance()).toBeNull();
    stop();
  });

  it('on a deal page the listeners are on before the settings are read or the deal armed (a gate that starts at document_start)', async () => {
    const { controller, onClick, click, page, stop } = setup('/contacts/123/deal/1', () => new Promise(() => {}));
    await Promise.resolve();
    click();
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(page.instance()).toBe('123'); // the adapter can name the deal of a move already
    expect(page.mapping()).toBeNull();
    expect(controller.arm).not.toHaveBeenCalled();
    stop();
  });

  it('each look at a record page also reads the page again for the badge (the API may be closed and the fields drawn late); not on a board', async () => {
    vi.useFakeTimers();
    const { controller, navigate, stop } = setup('/contacts/123/deal/1');
    await vi.waitFor(() => expect(controller.arm).toHaveBeenCalled());
    vi.advanceTimersByTime(3000);
    expect(controller.readPageAgain).toHaveBeenCalledTimes(3);
    await navigate('/contacts/123/objects/0-3/views/all/board');
    controller.readPageAgain.mockClear();
    vi.advanceTimersByTime(3000);
    expect(controller.readPageAgain).not.toHaveBeenCalled();
    stop();
  });

  it('arms the deal on screen, follows SPA navigation to another deal, and lets go on leaving', async () => {
    const { controller, onClick, click, navigate, hideOverlays, page, stop } = setup('/contacts/123/deal/1');
    await vi.waitFor(() => expect(controller.arm).toHaveBeenCalledWith({ crm: 'hubspot', instance: '123', recordId: '1' }));
    expect(page.mapping()).toEqual({ mapped: true });
    expect(controller.setPageFallback).toHaveBeenCalledTimes(1);
    click();
    expect(onClick).toHaveBeenCalledTimes(1);

    await navigate('/contacts/123/deal/2');
    await vi.waitFor(() => expect(controller.arm).toHaveBeenLastCalledWith({ crm: 'hubspot', instance: '123', recordId: '2' }));
    await navigate('/contacts/123/deal/2'); // the same deal again: no re-arm
    expect(controller.arm).toHaveBeenCalledTimes(2);

    await navigate('/contacts/123/board');
    await vi.waitFor(() => expect(controller.loadStages).toHaveBeenCalledWith({ crm: 'hubspot', instance: '123' }));
    expect(controller.disarm).toHaveBeenCalled();
    expect(hideOverlays).toHaveBeenCalled();
    click();
    expect(onClick).toHaveBeenCalledTimes(2); // a board still has its listeners

    await navigate('/contacts/123/objects/0-1/views/all/list');
    click();
    expect(onClick).toHaveBeenCalledTimes(2);
    stop();
  });

  it('after stop, navigation and pending refreshes do nothing, and the URL subscription is gone', async () => {
    const { controller, onClick, click, page, stop, urlListeners } = setup('/contacts/123/deal/1');
    await vi.waitFor(() => expect(controller.arm).toHaveBeenCalledTimes(1));
    vi.useFakeTimers();
    page.scheduleRefresh();
    stop();
    expect(urlListeners.size).toBe(0);
    vi.advanceTimersByTime(10_000);
    click();
    expect(controller.arm).toHaveBeenCalledTimes(1);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('stopped, it leaves no listener on window and no timer, wherever it was', async () => {
    vi.useFakeTimers();
    const window$ = liveListeners(window);
    try {
      const { controller, page, stop, navigate, hideOverlays } = setup('/contacts/123/deal/1');
      await vi.waitFor(() => expect(controller.arm).toHaveBeenCalledTimes(1));
      await navigate('/contacts/123/deal/2');
      await navigate('/contacts/123/board');
      await navigate('/contacts/123/deal/3');
      page.scheduleRefresh();
      page.later(100, () => {});
      expect(window$.types()).toEqual(['click']);
      expect(vi.getTimerCount()).toBe(4); // two refreshes, the 100 ms, the look at the page every second
      stop();
      expect(window$.types()).toEqual([]);
      expect(vi.getTimerCount()).toBe(0);
      expect(controller.disarm).toHaveBeenCalled();
      expect(hideOverlays).toHaveBeenCalled();
      page.later(100, () => {}); // a late callback of the adapter's starts nothing either
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      window$.restore();
    }
  });

  it('re-reads the deal after the page saves, only while that deal is still on screen', async () => {
    const { controller, page, stop, urlListeners } = setup('/contacts/123/deal/1');
    await vi.waitFor(() => expect(controller.arm).toHaveBeenCalledTimes(1));
    vi.useFakeTimers();
    page.scheduleRefresh();
    vi.advanceTimersByTime(5000);
    expect(controller.arm).toHaveBeenCalledTimes(3);
    page.scheduleRefresh();
    history.pushState({}, '', '/contacts/123/board');
    for (const l of urlListeners) l(); // the mode changes at once; the rest of follow() is async
    vi.advanceTimersByTime(5000);
    expect(controller.arm).toHaveBeenCalledTimes(3);
    stop();
  });
});

describe('sameMode', () => {
  it('tells deals, collections and instances apart', () => {
    const deal = (recordId: string, instance = '1'): HostMode => ({ kind: 'record', deal: { crm: 'salesforce', instance, recordId } });
    expect(sameMode(deal('a'), deal('a'))).toBe(true);
    expect(sameMode(deal('a'), deal('b'))).toBe(false);
    expect(sameMode(deal('a', '1'), deal('a', '2'))).toBe(false);
    expect(sameMode({ kind: 'collection', instance: '1' }, { kind: 'collection', instance: '1' })).toBe(true);
    expect(sameMode({ kind: 'collection', instance: '1' }, { kind: 'collection', instance: '2' })).toBe(false);
    expect(sameMode({ kind: 'off' }, { kind: 'off' })).toBe(true);
    expect(sameMode({ kind: 'off' }, { kind: 'collection', instance: '1' })).toBe(false);
  });
});
