/**
 * The receiving end: validates every message, checks who sent it, runs its handler and
 * validates the handler's answer before it leaves.
 *
 * Only runtime.onMessage is listened to. runtime.onMessageExternal is never registered, and the
 * manifest declares no externally_connectable, so other extensions and web pages cannot reach
 * Baton at all; the sender.id check below is a second lock on the same door.
 *
 * Register the background's router synchronously when the service worker starts, so a message
 * that wakes it finds the listener.
 */
import { browser } from 'wxt/browser';
import { z } from '@/lib/zod';
import {
  protocol,
  tabProtocol,
  type MessageSpec,
  type Protocol,
  type RequestOut,
  type ResponseIn,
  type SenderKind,
} from './protocol';
import {
  HandlerError,
  RequestEnvelope,
  describeIssues,
  hasBatonMarker,
  type ResponseEnvelope,
  type WireErrorCode,
} from './envelope';
import { classifySender, withTrailingSlash, type SenderInfo } from './sender';

/** What a handler knows about the sender, beyond the payload. */
export interface SenderContext {
  senderKind: SenderKind;
  tabId?: number;
  /** Firefox: the sender tab's cookie store (lib/background/cookieStore.ts). */
  cookieStoreId?: string;
  frameId?: number;
  url?: string;
}

export type Handler<P extends Protocol, T extends keyof P & string> = (
  payload: RequestOut<P, T>,
  context: SenderContext,
) => ResponseIn<P, T> | Promise<ResponseIn<P, T>>;

export type Handlers<P extends Protocol> = { [T in keyof P & string]: Handler<P, T> };
export type BackgroundHandlers = Handlers<typeof protocol>;
export type TabHandlers = Handlers<typeof tabProtocol>;

export interface RouterOptions {
  /** This extension's id (runtime.id). */
  extensionId: string;
  /** This extension's origin with a trailing slash (runtime.getURL('')). */
  extensionOrigin: string;
}

/**
 * The runtime.onMessage listener. Returns undefined for messages without the Baton marker, so
 * another listener may answer them; for Baton's own messages it returns a promise that always
 * resolves (never rejects) to a response envelope.
 */
export type MessageListener = (message: unknown, sender: SenderInfo) => Promise<ResponseEnvelope> | undefined;

const GENERIC_FAILURE = 'Baton could not complete this request. The details are in its console.';

function fail(code: WireErrorCode, message: string): ResponseEnvelope {
  return { ok: false, error: { code, message } };
}

/** The router's view of any handler, once the payload has been checked against its schema. */
type CheckedHandler = (payload: unknown, context: SenderContext) => unknown;

/** Own properties only: a type named "toString" or "__proto__" must not find Object.prototype. */
function own<V>(record: Record<string, V>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function createRouterFor<P extends Protocol>(
  registry: P,
  handlers: Handlers<P>,
  options: RouterOptions,
): MessageListener {
  if (!options.extensionId) throw new Error('createRouterFor needs the extension id.');
  if (!/^[a-z-]+:\/\/[^/]+\/?$/.test(options.extensionOrigin)) {
    throw new Error(`createRouterFor needs the extension origin, got "${options.extensionOrigin}".`);
  }
  const origin = withTrailingSlash(options.extensionOrigin);

  async function route(message: unknown, sender: SenderInfo): Promise<ResponseEnvelope> {
    if (sender.id !== options.extensionId) {
      return fail('forbidden-sender', 'Baton only answers its own pages and scripts.');
    }
    const senderKind = classifySender(sender, origin);
    if (senderKind === null) {
      return fail(
        'forbidden-sender',
        'Baton only answers its own pages and its scripts on Salesforce Lightning and HubSpot pages.',
      );
    }
    const envelope = RequestEnvelope.safeParse(message);
    if (!envelope.success) {
      return fail('invalid-message', `The message is not valid: ${describeIssues(envelope.error)}`);
    }
    const { type, payload } = envelope.data;
    const spec: MessageSpec | undefined = own(registry, type);
    const handler = own(handlers as unknown as Record<string, CheckedHandler>, type);
    if (!spec || !handler) {
      return fail('unknown-type', `Baton has no message called "${type}".`);
    }
    if (!spec.senders.includes(senderKind)) {
      return fail('forbidden-sender', `"${type}" can't be sent from a ${senderKind.replace('-', ' ')}.`);
    }
    const request = spec.request.safeParse(payload);
    if (!request.success) {
      return fail('invalid-message', `The "${type}" message is not valid: ${describeIssues(request.error)}`);
    }

    const context: SenderContext = { senderKind, tabId: sender.tab?.id, cookieStoreId: sender.tab?.cookieStoreId, frameId: sender.frameId, url: sender.url };
    let result: unknown;
    try {
      result = await handler(request.data, context);
    } catch (error) {
      console.error(`[baton] The handler for "${type}" failed.`, error);
      const words = error instanceof HandlerError && error.message ? error.message : GENERIC_FAILURE;
      return fail('handler-failed', words);
    }

    // Send the parsed value, not the handler's object: keys the schema does not declare are
    // dropped, so nothing undeclared (a token on a reused object, say) leaves the background.
    const response = spec.response.safeParse(result);
    if (!response.success) {
      console.error(
        `[baton] The handler for "${type}" returned a value that does not match its response schema: ${describeIssues(response.error)}`,
        z.treeifyError(response.error),
      );
      return fail('handler-failed', GENERIC_FAILURE);
    }
    return { ok: true, data: response.data };
  }

  return (message, sender) => (hasBatonMarker(message) ? route(message, sender) : undefined);
}

/** The background's router over `protocol`. */
export function createMessageRouter(handlers: BackgroundHandlers, options: RouterOptions): MessageListener {
  return createRouterFor(protocol, handlers, options);
}

/** Wires a router to runtime.onMessage; returns a function that unwires it. */
export function registerRouterFor<P extends Protocol>(registry: P, handlers: Handlers<P>): () => void {
  const listener = createRouterFor(registry, handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL(''),
  });
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** For the background: handles `protocol`. */
export function registerMessageRouter(handlers: BackgroundHandlers): () => void {
  return registerRouterFor(protocol, handlers);
}

/** For a content script: handles `tabProtocol` (messages the background sends to its tab). */
export function registerTabMessageRouter(handlers: TabHandlers): () => void {
  return registerRouterFor(tabProtocol, handlers);
}
