import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendMessage, sendMessageToTab } from '@/lib/messaging/client';
import { MessagingError, type MessagingErrorCode } from '@/lib/messaging/envelope';
import { registerMessageRouter, registerTabMessageRouter, type BackgroundHandlers } from '@/lib/messaging/router';
import type { SenderInfo } from '@/lib/messaging/sender';
import { defaultSettings } from '@/lib/settings/schema';
import { backgroundSender, contentScriptSender, deal, raw, unusedHandlers } from './fixtures';

type Send = (...args: unknown[]) => Promise<unknown>;
const runtime = fakeBrowser.runtime as unknown as { sendMessage: Send };
const tabs = fakeBrowser.tabs as unknown as { sendMessage: Send };

/**
 * The fake's runtime.sendMessage delivers with an empty sender ({}), which the router rightly
 * refuses. This stands in for the browser: it hands the message to the registered listeners
 * with a sender like the one Chrome reports, and resolves to the first answer.
 */
function deliverAs(sender: SenderInfo) {
  return async (message: unknown) => {
    // SenderInfo is the subset of MessageSender the router reads; the fake wants the full type.
    const full = sender as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
    const answers: unknown[] = await fakeBrowser.runtime.onMessage.trigger(message, full);
    return answers.find((a) => a !== undefined);
  };
}

/** A request with nested objects, and an answer that carries data back. */
const save = { deal, fields: { useCase: raw.useCase }, expected: { useCase: '' } };

function makeHandlers() {
  return {
    ...unusedHandlers(),
    ping: vi.fn(() => ({ ok: true as const, version: '0.1.0' })),
    'settings/get': vi.fn(() => ({ settings: defaultSettings() })),
    'deal/save-fields': vi.fn(async () => ({ outcome: 'conflict' as const, conflicts: [{ element: 'useCase' as const, theirs: 'Their use case.' }] })),
    'draft/save': vi.fn(async () => ({ ok: true as const })),
    'draft/get': vi.fn(async () => ({ fields: { useCase: 'Forecasting' }, baseValues: null, updatedAt: null })),
  } satisfies BackgroundHandlers;
}

async function codeOf(promise: Promise<unknown>): Promise<MessagingErrorCode> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(MessagingError);
    return (error as MessagingError).code;
  }
  throw new Error('expected the call to fail');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('sendMessage through the registered router', () => {
  let handlers: ReturnType<typeof makeHandlers>;
  beforeEach(() => {
    handlers = makeHandlers();
    registerMessageRouter(handlers);
    vi.spyOn(runtime, 'sendMessage').mockImplementation(deliverAs(contentScriptSender));
  });

  it('round-trips typed requests and responses', async () => {
    const pong = await sendMessage('ping', {});
    expect(pong).toEqual({ ok: true, version: '0.1.0' });

    const saved = await sendMessage('deal/save-fields', save);
    expect(saved.outcome === 'conflict' && saved.conflicts[0]?.theirs).toBe('Their use case.');
    expect(handlers['deal/save-fields']).toHaveBeenCalledWith(save, expect.objectContaining({ tabId: 7 }));

    expect(await sendMessage('draft/get', { deal })).toEqual({ fields: { useCase: 'Forecasting' }, baseValues: null, updatedAt: null });
    expect((await sendMessage('settings/get', {})).settings).toEqual(defaultSettings());
  });

  it('sends the envelope with the marker', async () => {
    await sendMessage('draft/save', { deal, fields: { riskFlags: 'None' } });
    expect(runtime.sendMessage).toHaveBeenCalledWith({
      baton: 1,
      type: 'draft/save',
      payload: { deal, fields: { riskFlags: 'None' } },
    });
  });

  it('refuses an invalid payload before sending it', async () => {
    const bad = { deal: { ...deal, recordId: '006/../../x' } };
    expect(await codeOf(sendMessage('draft/get', bad))).toBe('invalid-message');
    expect(runtime.sendMessage).not.toHaveBeenCalled();
    expect(handlers['draft/get']).not.toHaveBeenCalled();
  });

  it("throws the router's error as a MessagingError with its code and sentence", async () => {
    handlers['deal/save-fields'].mockRejectedValue(new Error('boom'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const failure = sendMessage('deal/save-fields', save);
    await expect(failure).rejects.toMatchObject({ name: 'MessagingError', code: 'handler-failed' });
    await expect(failure).rejects.not.toMatchObject({ message: expect.stringContaining('boom') });
  });

  it('stops answering once unregistered', async () => {
    fakeBrowser.runtime.onMessage.removeAllListeners();
    const unregister = registerMessageRouter(handlers);
    unregister();
    expect(await codeOf(sendMessage('ping', {}))).toBe('unreachable');
  });
});

describe('sendMessage with the unmodified fake browser', () => {
  it('is refused, because the fake reports no sender identity', async () => {
    registerMessageRouter(makeHandlers());
    expect(await codeOf(sendMessage('ping', {}))).toBe('forbidden-sender');
  });

  it('is unreachable when no listener exists', async () => {
    expect(await codeOf(sendMessage('ping', {}))).toBe('unreachable');
  });
});

describe('sendMessage given a bad answer', () => {
  it.each<[string, unknown, MessagingErrorCode]>([
    ['no answer', undefined, 'unreachable'],
    ['a string', 'pong', 'invalid-response'],
    ['null', null, 'invalid-response'],
    ['an envelope without ok', { data: { ok: true, version: '1' } }, 'invalid-response'],
    ['an error with an unknown code', { ok: false, error: { code: 'teapot', message: 'x' } }, 'invalid-response'],
    ['an error without a message', { ok: false, error: { code: 'handler-failed' } }, 'invalid-response'],
    ['data off the schema', { ok: true, data: { outcome: 'conflict', conflicts: [] } }, 'invalid-response'],
    ['no data', { ok: true }, 'invalid-response'],
  ])('turns %s into a MessagingError', async (_label, answer, code) => {
    vi.spyOn(runtime, 'sendMessage').mockResolvedValue(answer);
    expect(await codeOf(sendMessage('deal/save-fields', save))).toBe(code);
  });

  it('turns a failed delivery into unreachable, keeping the browser’s reason', async () => {
    vi.spyOn(runtime, 'sendMessage').mockRejectedValue(new Error('Extension context invalidated.'));
    const failure = sendMessage('ping', {});
    await expect(failure).rejects.toMatchObject({ code: 'unreachable' });
    await expect(failure).rejects.toThrow(/Extension context invalidated/);
  });
});

describe('sendMessageToTab', () => {
  it("reaches the content script's tab router, which accepts the background as sender", async () => {
    const ping = vi.fn(() => ({ ok: true as const, version: '0.1.0' }));
    registerTabMessageRouter({ ping });
    const send = vi.spyOn(tabs, 'sendMessage').mockImplementation(async (_tabId, message) => deliverAs(backgroundSender)(message));

    expect(await sendMessageToTab(7, 'ping', {}, { frameId: 0 })).toEqual({ ok: true, version: '0.1.0' });
    expect(send).toHaveBeenCalledWith(7, { baton: 1, type: 'ping', payload: {} }, { frameId: 0 });
    expect(ping).toHaveBeenCalledWith({}, expect.objectContaining({ senderKind: 'extension-page' }));
  });

  it('is refused when a content script pretends to be the background', async () => {
    registerTabMessageRouter({ ping: () => ({ ok: true, version: '0.1.0' }) });
    vi.spyOn(tabs, 'sendMessage').mockImplementation(async (_tabId, message) => deliverAs(contentScriptSender)(message));
    expect(await codeOf(sendMessageToTab(7, 'ping', {}))).toBe('forbidden-sender');
  });
});

// Compile-time checks: tsc fails if the registry stops typing calls. Never run.
export function typeChecks(): void {
  // @ts-expect-error unknown message type
  void sendMessage('deal/delete', {});
  // @ts-expect-error payload of the wrong shape
  void sendMessage('draft/get', { deal: 'salesforce:acme:006' });
  // @ts-expect-error tabProtocol has no draft messages
  void sendMessageToTab(1, 'draft/get', { deal });
  void sendMessage('draft/get', { deal }).then((r) => r.fields?.useCase?.toUpperCase());
  // @ts-expect-error the response has no such field
  void sendMessage('ping', {}).then((r) => r.settings);
  // @ts-expect-error a handler must return its response schema
  const wrong: BackgroundHandlers['ping'] = () => ({ ok: false, version: 1 });
  void wrong;
}
