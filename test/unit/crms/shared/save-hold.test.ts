// @vitest-environment happy-dom
/**
 * The page-world half of the backstop, on a test window whose fetch and XMLHttpRequest are fakes
 * that record what reaches "the network": what the page sends goes untouched unless it sets a
 * stage; a stage save waits for the gate's answer and then goes as it was made, or fails like a
 * network error.
 */
import { Window as HappyWindow } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installSaveHold } from '@/lib/crms/shared/page/saveHold';
import type { SaveRecogniser } from '@/lib/crms/shared/page/saveParsing';
import { SAVES_CONNECT_EVENT, SAVES_READY_EVENT, answerEvent, askEvent, byeEvent, readAsk } from '@/lib/crms/shared/page/saveWire';
import { salesforceSaves } from '@/lib/crms/salesforce/page/saves';

type PageWindow = Window & typeof globalThis;
const windows: HappyWindow[] = [];

/** Saves go to /save; a body with "stage" in it sets one, "unknown" cannot be read. */
const recogniser: SaveRecogniser = {
  mightSave: (method, url) => method !== 'GET' && new URL(url).pathname === '/save',
  read: ({ body }) =>
    body === undefined || body.includes('unknown')
      ? { kind: 'unreadable', why: 'Unknown.', recordId: null }
      : body.includes('stage')
        ? { kind: 'saves', saves: [{ recordId: '1', stage: 'won', fields: {} }] }
        : { kind: 'none' },
  rewrite: ({ body }, rewrites) => {
    if (body.includes('cannot')) return null;
    const form = new URLSearchParams(body);
    for (const r of rewrites) for (const [name, value] of Object.entries(r.fields)) form.set(name, value);
    return form.toString();
  },
};

function page(options: { noGateMs?: number; hold?: SaveRecogniser } = {}) {
  const win = new HappyWindow({ url: 'https://crm.example/record/1' }) as unknown as PageWindow;
  windows.push(win as unknown as HappyWindow);
  const sent: Array<{ args: unknown[] }> = [];
  const response = new win.Response('{"ok":true}');
  const nativeFetch = vi.fn((...args: unknown[]) => {
    sent.push({ args });
    return Promise.resolve(response);
  });
  (win as unknown as { fetch: unknown }).fetch = nativeFetch;
  const xhrSent: Array<{ xhr: FakeXhr; body: unknown }> = [];
  const Target = win.EventTarget as unknown as typeof EventTarget;
  class FakeXhr extends Target {
    state = 0;
    responseType = '';
    onerror: ((e: Event) => void) | null = null;
    get readyState() {
      return this.state;
    }
    get status() {
      return this.state === 4 ? 200 : 0;
    }
    open() {
      this.state = 1;
    }
    send(body: unknown) {
      xhrSent.push({ xhr: this, body });
    }
    abort() {
      this.state = 0;
    }
  }
  (win as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = FakeXhr;
  installSaveHold(win, options.hold ?? recogniser, options.noGateMs);
  return { win, sent, nativeFetch, response, xhrSent, FakeXhr };
}

/** Baton's gate in the isolated world, as far as the page-world script can tell. */
function gate(win: PageWindow, channel = `baton-${crypto.randomUUID()}`) {
  const asks: Array<{ id: number; reading: unknown }> = [];
  win.addEventListener(askEvent(channel), (e) => {
    const ask = readAsk((e as CustomEvent).detail);
    if (ask) asks.push(ask);
  });
  const connect = () => win.dispatchEvent(new win.CustomEvent(SAVES_CONNECT_EVENT, { detail: channel }));
  connect();
  return {
    channel,
    asks,
    connect,
    answer: (id: number, go: boolean, rewrite?: unknown) => win.dispatchEvent(new win.CustomEvent(answerEvent(channel), { detail: JSON.stringify({ id, go, rewrite }) })),
    bye: () => win.dispatchEvent(new win.CustomEvent(byeEvent(channel))),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  for (const w of windows.splice(0)) w.close();
});

describe('requests that set no stage go at once, untouched', () => {
  it('a read, or a write elsewhere: the browser’s fetch gets the same arguments, and its promise is the page’s', () => {
    const { win, sent, nativeFetch } = page();
    gate(win);
    const init = { method: 'POST', body: 'stage' };
    const p = win.fetch('/other', init);
    expect(sent).toEqual([{ args: ['/other', init] }]);
    expect(p).toBe(nativeFetch.mock.results[0]?.value);
    const q = win.fetch('/save');
    expect(q).toBe(nativeFetch.mock.results[1]?.value);
  });

  it('a save that does not touch the stage is sent in the same call, with no round trip to the gate', () => {
    const { win, sent } = page();
    const { asks } = gate(win);
    void win.fetch('/save', { method: 'PATCH', body: 'name' });
    expect(sent).toHaveLength(1);
    expect(asks).toEqual([]);
  });
});

describe('a fetch that sets a stage waits for the gate', () => {
  it('go: sent as the page made it, and the page’s promise gets the response', async () => {
    const { win, sent, response } = page();
    const g = gate(win);
    const init = { method: 'PATCH', body: 'stage', headers: { 'X-Test': '1' } };
    const p = win.fetch('/save', init);
    expect(sent).toEqual([]);
    expect(g.asks).toEqual([{ id: 1, reading: { kind: 'saves', saves: [{ recordId: '1', stage: 'won', fields: {} }] } }]);
    g.answer(1, true);
    await expect(p).resolves.toBe(response);
    expect(sent).toEqual([{ args: ['/save', init] }]);
  });

  it('go with the handoff Baton saved: sent with the body rewritten, of the page’s own kind, nothing else changed', async () => {
    const { win, sent } = page();
    const g = gate(win);
    const abort = new win.AbortController();
    const init = { method: 'POST', body: new win.URLSearchParams({ stage: 'won', use: 'TBD' }), headers: { 'X-Test': '1' }, signal: abort.signal };
    const p = win.fetch('/save', init);
    g.answer(1, true, [{ recordId: '1', fields: { use: 'good' } }]);
    await p;
    const [url, sentInit] = sent[0]?.args as [string, RequestInit];
    expect(url).toBe('/save');
    expect(sentInit.body).toBeInstanceOf(win.URLSearchParams);
    expect(String(sentInit.body)).toBe('stage=won&use=good');
    expect([sentInit.headers, sentInit.signal]).toEqual([init.headers, abort.signal]);
  });

  it('go with a rewrite Baton cannot make: it fails as a network error, never sent as it was', async () => {
    const { win, sent } = page();
    const g = gate(win);
    const p = win.fetch('/save', { method: 'POST', body: 'stage=won&cannot=1' });
    g.answer(1, true, [{ recordId: '1', fields: { use: 'good' } }]);
    await expect(p).rejects.toBeInstanceOf(TypeError);
    expect(sent).toEqual([]);
  });

  it('a go whose rewrite is malformed is a no', async () => {
    const { win, sent } = page();
    const g = gate(win);
    const p = win.fetch('/save', { method: 'POST', body: 'stage=won' });
    g.answer(1, true, [{ recordId: '1', fields: { use: 42 } }]);
    await expect(p).rejects.toBeInstanceOf(TypeError);
    expect(sent).toEqual([]);
  });

  it('no: it fails as a network error (TypeError), never sent', async () => {
    const { win, sent } = page();
    const g = gate(win);
    const p = win.fetch('/save', { method: 'PATCH', body: 'stage' });
    g.answer(1, false);
    await expect(p).rejects.toBeInstanceOf(TypeError);
    expect(sent).toEqual([]);
  });

  it('a body it cannot read, on a save URL, is asked about as unreadable', async () => {
    const { win } = page();
    const g = gate(win);
    void win.fetch('/save', { method: 'POST', body: new win.ReadableStream(), duplex: 'half' } as RequestInit);
    expect(g.asks[0]?.reading).toEqual({ kind: 'unreadable', why: 'Unknown.', recordId: null });
  });

  it('a Request object: its body is read from a copy, and the page’s own Request is what is sent', async () => {
    const { win, sent } = page();
    const g = gate(win);
    const request = new win.Request('https://crm.example/save', { method: 'POST', body: 'stage' });
    const p = win.fetch(request);
    await vi.waitFor(() => expect(g.asks).toHaveLength(1));
    g.answer(1, true);
    await p;
    expect(sent[0]?.args[0]).toBe(request);
  });

  it('the page aborts while it is held: rejected with the abort, never sent', async () => {
    const { win, sent } = page();
    const g = gate(win);
    const abort = new win.AbortController();
    const p = win.fetch('/save', { method: 'PATCH', body: 'stage', signal: abort.signal });
    abort.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    g.answer(1, true);
    await flush();
    expect(sent).toEqual([]);
  });

  it('no gate: it waits for one, then fails (never sent unjudged)', async () => {
    const { win, sent } = page({ noGateMs: 30 });
    await expect(win.fetch('/save', { method: 'PATCH', body: 'stage' })).rejects.toBeInstanceOf(TypeError);
    expect(sent).toEqual([]);
  });

  it('a gate that comes late is asked then; a gate that goes hands its held saves to the next one', async () => {
    const { win, sent } = page();
    const p = win.fetch('/save', { method: 'PATCH', body: 'stage' });
    const first = gate(win);
    expect(first.asks).toHaveLength(1);
    first.bye();
    const second = gate(win);
    expect(second.asks).toEqual(first.asks);
    first.answer(1, true); // the old channel is no longer heard
    await flush();
    expect(sent).toEqual([]);
    second.answer(1, true);
    await p;
    expect(sent).toHaveLength(1);
  });

  it('the page never sees the channel name: the connect event stops at Baton’s listener', () => {
    const { win } = page();
    const seen: unknown[] = [];
    win.addEventListener(SAVES_CONNECT_EVENT, (e) => seen.push((e as CustomEvent).detail), true);
    win.addEventListener(SAVES_CONNECT_EVENT, (e) => seen.push((e as CustomEvent).detail));
    gate(win);
    expect(seen).toEqual([]);
  });

  it('says it is ready when installed, so a gate already there connects', () => {
    const win = new HappyWindow({ url: 'https://crm.example/' }) as unknown as PageWindow;
    windows.push(win as unknown as HappyWindow);
    const ready = vi.fn();
    win.addEventListener(SAVES_READY_EVENT, ready);
    expect(installSaveHold(win, recogniser)).toBe(true);
    expect(ready).toHaveBeenCalledTimes(1);
    expect(installSaveHold(win, recogniser)).toBe(false); // injected twice: one wrapper
  });
});

describe('an XMLHttpRequest that sets a stage waits for the gate', () => {
  it('go: the browser’s send gets the same body', () => {
    const { win, xhrSent } = page();
    const g = gate(win);
    const xhr = new win.XMLHttpRequest();
    xhr.open('POST', '/save');
    xhr.send('stage');
    expect(xhrSent).toEqual([]);
    expect(xhr.readyState).toBe(1);
    g.answer(1, true);
    return vi.waitFor(() => expect(xhrSent.map((s) => s.body)).toEqual(['stage']));
  });

  it('no: status 0 and an error event, as a network error; the next open() is a normal XHR again', async () => {
    const { win, xhrSent } = page();
    const g = gate(win);
    const xhr = new win.XMLHttpRequest();
    const events: string[] = [];
    for (const type of ['readystatechange', 'error', 'loadend', 'load']) xhr.addEventListener(type, () => events.push(type));
    xhr.open('POST', '/save');
    xhr.send('stage');
    g.answer(1, false);
    await vi.waitFor(() => expect(events).toEqual(['readystatechange', 'error', 'loadend']));
    expect([xhr.readyState, xhr.status, xhrSent]).toEqual([4, 0, []]);
    xhr.open('GET', '/other');
    expect(xhr.readyState).toBe(1);
    xhr.send();
    expect(xhrSent).toHaveLength(1);
  });

  it('Lightning’s Aura XHR: a form body with an updateRecord of StageName is held; a read is not', () => {
    const { win, xhrSent } = page({ hold: salesforceSaves });
    const g = gate(win);
    const form = (actions: unknown[]) => new win.URLSearchParams({ message: JSON.stringify({ actions }), 'aura.token': 't' }).toString();
    const read = new win.XMLHttpRequest();
    read.open('POST', '/aura?r=1');
    read.send(form([{ descriptor: 'aura://RecordUiController/ACTION$getRecordWithFields', params: { recordId: '006Dn00000AbCdEIAV', fields: ['Opportunity.StageName'] } }]));
    expect(xhrSent).toHaveLength(1);
    const save = new win.XMLHttpRequest();
    save.open('POST', '/aura?r=2');
    save.send(form([{ descriptor: 'aura://RecordUiController/ACTION$updateRecord', params: { recordId: '006Dn00000AbCdEIAV', recordInput: { fields: { StageName: 'Closed Won' } } } }]));
    expect(xhrSent).toHaveLength(1);
    expect(g.asks[0]?.reading).toMatchObject({ kind: 'saves', saves: [{ recordId: '006Dn00000AbCdEIAV', stage: 'Closed Won' }] });
  });

  it('go with the handoff Baton saved: the rewritten body is sent', async () => {
    const { win, xhrSent } = page();
    const g = gate(win);
    const xhr = new win.XMLHttpRequest();
    xhr.open('POST', '/save');
    xhr.send('stage=won&use=TBD');
    g.answer(1, true, [{ recordId: '1', fields: { use: 'good' } }]);
    await vi.waitFor(() => expect(xhrSent.map((s) => s.body)).toEqual(['stage=won&use=good']));
  });

  it('aborted by the page while held: never sent', async () => {
    const { win, xhrSent } = page();
    const g = gate(win);
    const xhr = new win.XMLHttpRequest();
    xhr.open('POST', '/save');
    xhr.send('stage');
    xhr.abort();
    g.answer(1, true);
    await flush();
    expect(xhrSent).toEqual([]);
  });
});
