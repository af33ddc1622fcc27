/**
 * The sending end: validates the payload before it leaves and the answer when it arrives.
 * Every failure, including a malformed answer or an unreachable background, is thrown as a
 * MessagingError with a code and a sentence, never as a crash somewhere downstream.
 */
import { browser } from 'wxt/browser';
import {
  protocol,
  tabProtocol,
  type MessageSpec,
  type MessageType,
  type Protocol,
  type RequestIn,
  type ResponseOut,
  type TabMessageType,
} from './protocol';
import { BATON_MARKER, MessagingError, ResponseEnvelope, describeIssues, type RequestEnvelope } from './envelope';

type Transport = (envelope: RequestEnvelope) => Promise<unknown>;

/** Sends one message of `registry` over `transport`; exported for other registries and tests. */
export async function requestVia<P extends Protocol, T extends keyof P & string>(
  registry: P,
  transport: Transport,
  type: T,
  payload: RequestIn<P, T>,
): Promise<ResponseOut<P, T>> {
  // Typed callers cannot name a missing type, but a JS caller or a stale build can.
  const spec: MessageSpec | undefined = Object.hasOwn(registry, type) ? registry[type] : undefined;
  if (!spec) throw new MessagingError('unknown-type', `Baton has no message called "${type}".`);
  const request = spec.request.safeParse(payload);
  if (!request.success) {
    throw new MessagingError('invalid-message', `The "${type}" message is not valid: ${describeIssues(request.error)}`);
  }

  let raw: unknown;
  try {
    raw = await transport({ baton: BATON_MARKER, type, payload: request.data });
  } catch (error) {
    // E.g. "Could not establish connection. Receiving end does not exist." or, in a content
    // script left behind by an update, "Extension context invalidated."
    const why = error instanceof Error && error.message ? ` (${error.message})` : '';
    throw new MessagingError('unreachable', `Baton could not deliver "${type}"${why}.`);
  }
  if (raw === undefined) {
    throw new MessagingError('unreachable', `Nothing answered "${type}".`);
  }

  const envelope = ResponseEnvelope.safeParse(raw);
  if (!envelope.success) {
    throw new MessagingError('invalid-response', `The answer to "${type}" is not a Baton response.`);
  }
  if (!envelope.data.ok) {
    throw new MessagingError(envelope.data.error.code, envelope.data.error.message);
  }
  const data = spec.response.safeParse(envelope.data.data);
  if (!data.success) {
    throw new MessagingError(
      'invalid-response',
      `The answer to "${type}" is not valid: ${describeIssues(data.error)}`,
    );
  }
  return data.data as ResponseOut<P, T>;
}

/** From a content script or an extension page to the background. */
export function sendMessage<T extends MessageType>(
  type: T,
  payload: RequestIn<typeof protocol, T>,
): Promise<ResponseOut<typeof protocol, T>> {
  return requestVia(protocol, (envelope) => browser.runtime.sendMessage(envelope), type, payload);
}

/** From the background (or an extension page) to Baton's content script in one tab. */
export function sendMessageToTab<T extends TabMessageType>(
  tabId: number,
  type: T,
  payload: RequestIn<typeof tabProtocol, T>,
  options: { frameId?: number } = {},
): Promise<ResponseOut<typeof tabProtocol, T>> {
  return requestVia(tabProtocol, (envelope) => browser.tabs.sendMessage(tabId, envelope, options), type, payload);
}
