/**
 * The page-world half of the backstop (README, "The backstop"): a small script in the CRM page's
 * own world, there before the page's scripts, wraps `fetch` and `XMLHttpRequest`. A request that
 * sets a deal's stage (the CRM's recogniser says, lib/crms/<crm>/page/saves.ts) is held, the
 * page's promise or XHR left pending, while Baton's gate in the isolated world decides (backstop.ts);
 * "go" sends it as the page made it (or with the handoff fields the rep saved in Baton's dialog
 * written in, the rest of the body untouched), "no" fails it the way a network error fails it. Every other
 * request goes at once, untouched: the same arguments to the browser's own fetch / send, the same
 * promise back, its body unread unless its URL is one of the CRM's record writes.
 *
 * A refused save fails as a network error does (fetch rejects with a TypeError; an XHR ends with
 * status 0 and an `error` event), not with a made-up error response: every client already handles
 * a network error as "not saved", while a response in the wrong shape could be taken for success.
 * Baton's own dialog says why.
 *
 * When no gate is connected (not yet arrived, or gone with an extension update), a held save waits
 * up to NO_GATE_MS for one, then fails: Baton never lets a stage save through unjudged.
 *
 * Kept tiny (no zod, no framework): it runs in every deal page before the page itself. Pure of
 * `window`: it works on the window it is given, so unit tests give it a test one.
 */
import { SAVES_CONNECT_EVENT, SAVES_READY_EVENT, answerEvent, askEvent, byeEvent, isChannel, readAnswer, type HeldReading, type SaveRewrite } from './saveWire';
import type { SaveRecogniser } from './saveParsing';

/** How long a held save waits for a gate before it fails. */
export const NO_GATE_MS = 15_000;
const INSTALLED = Symbol.for('baton.saveHold');
const REFUSED = 'Failed to fetch: Baton held this save (it moves a deal to a won stage Baton did not clear).';

type PageWindow = Window & typeof globalThis;
/** The gate's answer: go or not, and with go the fields to write instead of the page's. */
type Verdict = { go: boolean; rewrite?: SaveRewrite[] };
type Ask = (reading: HeldReading) => Promise<Verdict>;
const REFUSE: Verdict = { go: false };
/** A body's text, undefined when Baton cannot read it, or a promise of either (a Blob, a Request). */
type BodyText = string | undefined | Promise<string | undefined>;

/** Installs the hold on `win` once; a second call (the script injected again) does nothing. */
export function installSaveHold(win: PageWindow, recogniser: SaveRecogniser, noGateMs = NO_GATE_MS): boolean {
  if ((win as unknown as Record<symbol, unknown>)[INSTALLED]) return false;
  Object.defineProperty(win, INSTALLED, { value: true });
  const gate = linkToGate(win, noGateMs);
  wrapFetch(win, recogniser, gate.ask);
  wrapXhr(win, recogniser, gate.ask);
  gate.announce();
  return true;
}

/** The channel to the gate: asks wait in `waiting` until answered, or fail when no gate comes. */
function linkToGate(win: PageWindow, noGateMs: number) {
  // The page's own globals, as they were before any page script could replace them.
  const setTimeout = win.setTimeout.bind(win);
  const clearTimeout = win.clearTimeout.bind(win);
  const { CustomEvent } = win;
  const dispatch = win.dispatchEvent.bind(win);
  let channel: string | null = null;
  let listening: AbortController | null = null;
  let nextId = 1;
  const waiting = new Map<number, { reading: HeldReading; settle(verdict: Verdict): void; timer: number | null }>();

  const send = (id: number, reading: HeldReading) => {
    if (channel !== null) dispatch(new CustomEvent(askEvent(channel), { detail: JSON.stringify({ id, reading }) }));
  };
  const waitForGate = (id: number) => {
    const entry = waiting.get(id);
    if (entry && entry.timer === null) {
      entry.timer = setTimeout(() => {
        if (waiting.delete(id)) entry.settle(REFUSE);
      }, noGateMs);
    }
  };
  const onAnswer = (event: Event) => {
    const answer = readAnswer((event as CustomEvent).detail);
    const entry = answer ? waiting.get(answer.id) : undefined;
    if (!answer || !entry) return;
    waiting.delete(answer.id);
    if (entry.timer !== null) clearTimeout(entry.timer);
    entry.settle(answer.rewrite ? { go: answer.go, rewrite: answer.rewrite } : { go: answer.go });
  };
  const drop = () => {
    listening?.abort();
    listening = null;
    channel = null;
  };

  // Capture on window, added before any page script: Baton's listener runs first and stops the event.
  win.addEventListener(
    SAVES_CONNECT_EVENT,
    (event) => {
      const name = (event as CustomEvent).detail;
      if (!isChannel(name)) return;
      event.stopImmediatePropagation();
      drop();
      channel = name;
      listening = new AbortController();
      win.addEventListener(answerEvent(name), onAnswer, { signal: listening.signal });
      win.addEventListener(
        byeEvent(name),
        () => {
          drop();
          for (const id of waiting.keys()) waitForGate(id);
        },
        { signal: listening.signal },
      );
      // Saves held for a gate that went (or had not come yet) are asked of this one.
      for (const [id, entry] of waiting) {
        if (entry.timer !== null) clearTimeout(entry.timer);
        entry.timer = null;
        send(id, entry.reading);
      }
    },
    true,
  );

  const ask: Ask = (reading) =>
    new Promise<Verdict>((settle) => {
      const id = nextId++;
      waiting.set(id, { reading, settle, timer: null });
      if (channel !== null) send(id, reading);
      else waitForGate(id);
    });

  return { ask, announce: () => dispatch(new win.Event(SAVES_READY_EVENT)) };
}

function bodyText(win: PageWindow, body: unknown): BodyText {
  if (body === null || body === undefined) return '';
  if (typeof body === 'string') return body;
  if (body instanceof win.URLSearchParams) return body.toString();
  if (body instanceof win.FormData) {
    const form = new win.URLSearchParams();
    body.forEach((value, name) => {
      if (typeof value === 'string') form.append(name, value);
    });
    return form.toString();
  }
  if (body instanceof win.Blob) return body.text().catch(() => undefined);
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return new win.TextDecoder().decode(body);
  return undefined; // a stream, a document: not read
}

/** `text` as a body of the page's own kind (so the browser sets the same Content-Type), for a rewritten save. */
function sameKind(win: PageWindow, original: unknown, text: string): BodyInit {
  if (original instanceof win.URLSearchParams) return new win.URLSearchParams(text);
  if (original instanceof win.FormData) {
    const form = new win.FormData();
    new win.URLSearchParams(text).forEach((value, name) => form.append(name, value));
    original.forEach((value, name) => {
      if (typeof value !== 'string') form.append(name, value);
    });
    return form;
  }
  if (original instanceof win.Blob) return new win.Blob([text], { type: original.type });
  if (original instanceof ArrayBuffer || ArrayBuffer.isView(original)) return new win.TextEncoder().encode(text);
  return text;
}

/** The body to send: the page's own, or rewritten; null when the rewrite cannot be made (then the save must not go). */
function bodyToSend(win: PageWindow, recogniser: SaveRecogniser, request: { method: string; url: string }, text: string | undefined, original: unknown, rewrite: SaveRewrite[] | undefined): { body: unknown } | null {
  if (!rewrite || rewrite.length === 0) return { body: original };
  if (text === undefined) return null;
  const rewritten = recogniser.rewrite({ ...request, body: text }, rewrite);
  return rewritten === null ? null : { body: sameKind(win, original, rewritten) };
}

function absolute(win: PageWindow, url: string): string {
  try {
    return new URL(url, win.location.href).href;
  } catch {
    return '';
  }
}

function wrapFetch(win: PageWindow, recogniser: SaveRecogniser, ask: Ask): void {
  const nativeFetch = win.fetch;
  const NativeRequest = win.Request;
  if (typeof nativeFetch !== 'function') return;

  function heldFetch(reading: HeldReading, go: (rewrite?: SaveRewrite[]) => Promise<Response> | null, signal: AbortSignal | null): Promise<Response> {
    return new Promise<Response>((resolve, reject) => {
      const aborted = () => signal?.reason ?? new win.DOMException('The operation was aborted.', 'AbortError');
      if (signal?.aborted) return reject(aborted());
      let gaveUp = false;
      const onAbort = () => {
        gaveUp = true;
        reject(aborted());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      void ask(reading).then((verdict) => {
        signal?.removeEventListener('abort', onAbort);
        if (gaveUp) return;
        const sent = verdict.go ? go(verdict.rewrite) : null;
        if (sent) resolve(sent);
        else reject(new TypeError(REFUSED));
      });
    });
  }

  win.fetch = function fetch(this: unknown, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const args = arguments as unknown as Parameters<typeof nativeFetch>;
    const request = input instanceof NativeRequest ? input : null;
    const method = init?.method ?? request?.method ?? 'GET';
    const url = absolute(win, request ? request.url : String(input));
    if (!recogniser.mightSave(method, url)) return nativeFetch.apply(this, args);
    let body: BodyText;
    if (init?.body !== undefined && init.body !== null) body = bodyText(win, init.body);
    else if (request) {
      try {
        body = request.clone().text().catch(() => undefined);
      } catch {
        body = undefined; // its body was used already
      }
    } else body = '';
    const decide = (text: string | undefined) => {
      const reading = recogniser.read({ method, url, body: text });
      if (reading.kind === 'none') return nativeFetch.apply(this, args);
      // As the page made it; rewritten, its body only (a Request is copied with the new body).
      const go = (rewrite?: SaveRewrite[]) => {
        if (!rewrite || rewrite.length === 0) return nativeFetch.apply(this, args);
        const inInit = init?.body !== undefined && init.body !== null;
        const send = bodyToSend(win, recogniser, { method, url }, text, inInit ? init?.body : text, rewrite);
        if (send === null) return null;
        if (inInit) return nativeFetch.call(this, input, { ...init, body: send.body as BodyInit });
        return request ? nativeFetch.call(this, new NativeRequest(request, { body: send.body as BodyInit })) : null;
      };
      return heldFetch(reading, go, init?.signal ?? request?.signal ?? null);
    };
    return typeof body === 'object' ? body.then(decide) : decide(body);
  };
}

/** What a failed XHR shows (the real getters answer again after the next open()). */
const FAILED_XHR = ['readyState', 'status', 'statusText', 'response', 'responseText', 'responseURL'] as const;

function wrapXhr(win: PageWindow, recogniser: SaveRecogniser, ask: Ask): void {
  const proto = win.XMLHttpRequest?.prototype;
  if (!proto) return;
  const { open, send, abort } = proto;
  const opened = new WeakMap<XMLHttpRequest, { method: string; url: string; sync: boolean }>();
  /** Held and not sent yet; leaving this set (abort, open again) drops the save. */
  const held = new WeakSet<XMLHttpRequest>();
  const failed = new WeakSet<XMLHttpRequest>();

  const fail = (xhr: XMLHttpRequest) => {
    const text = xhr.responseType === '' || xhr.responseType === 'text';
    const values: Record<(typeof FAILED_XHR)[number], unknown> = { readyState: 4, status: 0, statusText: '', response: text ? '' : null, responseText: '', responseURL: '' };
    for (const name of FAILED_XHR) Object.defineProperty(xhr, name, { value: values[name], configurable: true });
    failed.add(xhr);
    xhr.dispatchEvent(new win.Event('readystatechange'));
    xhr.dispatchEvent(new win.ProgressEvent('error'));
    xhr.dispatchEvent(new win.ProgressEvent('loadend'));
  };

  const holdXhr = (xhr: XMLHttpRequest, reading: HeldReading, args: Parameters<typeof send>, request: { method: string; url: string }, text: string | undefined) => {
    held.add(xhr);
    void ask(reading).then((verdict) => {
      if (!held.has(xhr)) return;
      held.delete(xhr);
      const body = verdict.go ? bodyToSend(win, recogniser, request, text, args[0], verdict.rewrite) : null;
      if (body === null) return fail(xhr);
      if (body.body === args[0]) send.apply(xhr, args);
      else send.call(xhr, body.body as XMLHttpRequestBodyInit);
    });
  };

  proto.open = function (this: XMLHttpRequest, method: string, url: string | URL) {
    held.delete(this);
    if (failed.delete(this)) for (const name of FAILED_XHR) delete (this as unknown as Record<string, unknown>)[name];
    opened.set(this, { method: String(method), url: absolute(win, String(url)), sync: arguments.length > 2 && !arguments[2] });
    return open.apply(this, arguments as unknown as Parameters<typeof open>);
  } as typeof open;

  proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const args = arguments as unknown as Parameters<typeof send>;
    const request = opened.get(this);
    if (!request || !recogniser.mightSave(request.method, request.url)) return send.apply(this, args);
    const text = bodyText(win, body);
    const read = (t: string | undefined) => recogniser.read({ method: request.method, url: request.url, body: t });
    if (typeof text === 'object') {
      if (request.sync) throw new win.DOMException(REFUSED, 'NetworkError');
      held.add(this);
      void text.then((t) => {
        if (!held.has(this)) return;
        const reading = read(t);
        if (reading.kind === 'none') {
          held.delete(this);
          send.apply(this, args);
        } else holdXhr(this, reading, args, request, t);
      });
      return;
    }
    const reading = read(text);
    if (reading.kind === 'none') return send.apply(this, args);
    // A synchronous XHR cannot wait for the gate: it fails as a network error does.
    if (request.sync) throw new win.DOMException(REFUSED, 'NetworkError');
    holdXhr(this, reading, args, request, text);
  };

  proto.abort = function (this: XMLHttpRequest) {
    held.delete(this);
    return abort.apply(this, arguments as unknown as Parameters<typeof abort>);
  };
}
