import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { z } from '@/lib/zod';
import { defineMessage } from '@/lib/messaging/protocol';
import { HandlerError } from '@/lib/messaging/envelope';
import {
  createMessageRouter,
  createRouterFor,
  type BackgroundHandlers,
  type SenderContext,
} from '@/lib/messaging/router';
import type { DealRef } from '@/lib/domain/deal';
import { defaultSettings } from '@/lib/settings/schema';
import {
  EXTENSION_ID,
  ROUTER_OPTIONS,
  SF_DEAL_URL,
  contentScriptSender,
  deal,
  envelope,
  raw,
  sidePanelSender,
  unusedHandlers,
} from './fixtures';

/** A request with nested objects, and an answer that carries data back. */
const save = { deal, fields: { useCase: raw.useCase }, expected: { useCase: '' } };
const conflict = { outcome: 'conflict' as const, conflicts: [{ element: 'useCase' as const, theirs: 'Their use case.' }] };

function makeHandlers() {
  return {
    ...unusedHandlers(),
    ping: vi.fn(() => ({ ok: true as const, version: '0.1.0' })),
    'settings/get': vi.fn(() => ({ settings: defaultSettings() })),
    'deal/save-fields': vi.fn(async () => conflict),
    'draft/save': vi.fn(async () => ({ ok: true as const })),
    'draft/get': vi.fn(async (_payload: { deal: DealRef }, _context: SenderContext) => ({
      fields: null,
      baseValues: null,
      updatedAt: null,
    })),
  } satisfies BackgroundHandlers;
}

let handlers: ReturnType<typeof makeHandlers>;
let consoleError: Mock<typeof console.error>;

beforeEach(() => {
  handlers = makeHandlers();
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

function route(message: unknown, sender = contentScriptSender) {
  return createMessageRouter(handlers, ROUTER_OPTIONS)(message, sender);
}

/** For Baton's messages the router must answer: a missing answer fails the test. */
async function answer(message: unknown, sender = contentScriptSender) {
  const pending = route(message, sender);
  if (pending === undefined) throw new Error('the router ignored a Baton message');
  return pending;
}

describe('the router', () => {
  it('runs the handler with the parsed payload and the sender context, and answers its data', async () => {
    const response = await answer(envelope('deal/save-fields', save));
    expect(response).toEqual({ ok: true, data: conflict });
    expect(handlers['deal/save-fields']).toHaveBeenCalledWith(save, { senderKind: 'content-script', tabId: 7, frameId: 0, url: SF_DEAL_URL });
  });

  it('answers extension pages too', async () => {
    const response = await answer(envelope('draft/get', { deal }), sidePanelSender);
    expect(response).toEqual({ ok: true, data: { fields: null, baseValues: null, updatedAt: null } });
    expect(handlers['draft/get'].mock.calls[0]?.[1]).toMatchObject({ senderKind: 'extension-page' });
  });

  it('ignores messages without the Baton marker so other listeners can answer them', () => {
    for (const message of [undefined, null, 'ping', 42, { type: 'ping', payload: {} }, { baton: 2, type: 'ping' }, { baton: '1', type: 'ping' }]) {
      expect(route(message)).toBeUndefined();
    }
    expect(handlers.ping).not.toHaveBeenCalled();
  });

  it('refuses a marked message without a proper envelope', async () => {
    const response = await answer({ baton: 1, payload: {} });
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('refuses an invalid payload and does not call the handler', async () => {
    const response = await answer(envelope('deal/save-fields', { ...save, fields: { useCase: 42 } }));
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(response.ok ? '' : response.error.message).toContain('fields.useCase');
    expect(handlers['deal/save-fields']).not.toHaveBeenCalled();
  });

  it('does not pass undeclared payload keys to the handler', async () => {
    await answer(envelope('draft/get', { deal, token: 'sid-from-somewhere' }));
    expect(handlers['draft/get']).toHaveBeenCalledWith({ deal }, expect.anything());
  });

  it('refuses another extension, and a sender without an id', async () => {
    const foreign = { ...contentScriptSender, id: 'abcdefghijklmnopabcdefghijklmnop' };
    expect(await answer(envelope('ping', {}), foreign)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    const anonymous = { url: SF_DEAL_URL, tab: { id: 7 } };
    expect(await answer(envelope('ping', {}), anonymous)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(handlers.ping).not.toHaveBeenCalled();
  });

  it('refuses a script in a tab on a page that is not a CRM page', async () => {
    const webPage = { id: EXTENSION_ID, url: 'https://example.com/lightning/r/Opportunity/1/view', tab: { id: 3 } };
    const plainHttp = { ...contentScriptSender, url: SF_DEAL_URL.replace('https:', 'http:') };
    for (const sender of [webPage, plainHttp]) {
      expect(await answer(envelope('ping', {}), sender)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(handlers.ping).not.toHaveBeenCalled();
  });

  it('refuses unknown types, including names found on Object.prototype', async () => {
    for (const type of ['deal/delete', 'toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      expect(await answer(envelope(type, {}))).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    }
  });

  it('turns a thrown error into handler-failed with a plain sentence and no stack or error text', async () => {
    handlers['deal/save-fields'].mockImplementation(async () => {
      throw new TypeError('Cannot read properties of undefined (reading "sid=00Dxx!AQ4AQ")');
    });
    const response = await answer(envelope('deal/save-fields', save));
    expect(response).toEqual({ ok: false, error: { code: 'handler-failed', message: expect.any(String) } });
    const text = JSON.stringify(response);
    expect(text).not.toContain('sid=');
    expect(text).not.toMatch(/\bat\s.*:\d+:\d+/); // a stack frame
    expect(text).not.toContain('TypeError');
    expect(consoleError).toHaveBeenCalled();
  });

  it('passes a HandlerError message through, since it was written for people', async () => {
    handlers['draft/save'].mockRejectedValue(new HandlerError('The draft store is full.'));
    const response = await answer(envelope('draft/save', { deal, fields: { useCase: 'x' } }));
    expect(response).toEqual({ ok: false, error: { code: 'handler-failed', message: 'The draft store is full.' } });
  });

  it('refuses a handler answer that does not match the response schema, loudly', async () => {
    handlers['deal/save-fields'].mockResolvedValue({ outcome: 'conflict', conflicts: [] } as never);
    const response = await answer(envelope('deal/save-fields', save));
    expect(response).toMatchObject({ ok: false, error: { code: 'handler-failed' } });
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('deal/save-fields'), expect.anything());
  });

  it('sends only declared keys, so an undeclared secret on the handler object stays behind', async () => {
    handlers.ping.mockReturnValue({ ok: true, version: '0.1.0', token: 'pat-na1-secret' } as never);
    const response = await answer(envelope('ping', {}));
    expect(response).toEqual({ ok: true, data: { ok: true, version: '0.1.0' } });
  });

  it('checks the message is allowed for the kind of sender', async () => {
    const registry = {
      'admin/reset': defineMessage({ request: z.object({}), response: z.object({ done: z.boolean() }), senders: ['extension-page'] }),
    };
    const reset = vi.fn(() => ({ done: true }));
    const listener = createRouterFor(registry, { 'admin/reset': reset }, ROUTER_OPTIONS);

    const fromContent = await listener(envelope('admin/reset', {}), contentScriptSender);
    expect(fromContent).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(reset).not.toHaveBeenCalled();

    expect(await listener(envelope('admin/reset', {}), sidePanelSender)).toEqual({ ok: true, data: { done: true } });
  });

  it('will not start without a usable extension origin', () => {
    expect(() => createMessageRouter(handlers, { extensionId: EXTENSION_ID, extensionOrigin: '' })).toThrow();
    expect(() => createMessageRouter(handlers, { extensionId: '', extensionOrigin: 'chrome-extension://x/' })).toThrow();
  });
});
