/**
 * The messages Baton's contexts exchange, one zod schema per request and per response.
 *
 * Rules for every message (the router enforces what it can; the rest is on whoever adds one):
 * - No message carries a token, session id or cookie. The background is the only holder of CRM
 *   sessions and tokens and the only caller of CRM APIs; other contexts ask it for results.
 * - Nothing in a response that a content script may receive contains a secret. Content scripts
 *   live in CRM pages, so treat what they get as visible to the page. The router only sends the
 *   parsed response, so keys a schema does not declare are dropped; do not use z.looseObject or
 *   z.record(z.unknown()) in a response schema, and keep secrets out of the schemas themselves.
 * - Schemas describe plain JSON (strings, numbers, booleans, null, arrays, objects). A value is
 *   parsed on each side of the wire, so any transform must give the same result when run twice
 *   (trim is fine; parsing a date string into a Date is not).
 * - Expected outcomes (no draft, not signed in) belong in the response schema; errors are for
 *   failures.
 *
 * Adding a message: add an entry with defineMessage below, then a handler in the background
 * (the compiler lists the missing handler). Request and response types come from the schemas.
 */
import { z } from '@/lib/zod';
import { DealRef } from '@/lib/domain/deal';
import { RawArtifact } from '@/lib/domain/elements';
import { DealContext, Evaluation } from '@/lib/rules/types';
import { Settings } from '@/lib/settings/schema';

/**
 * Who sent a message, as the router classifies it. 'extension-page' is any document or worker
 * served from the extension's own origin (options, side panel, console, the background itself);
 * 'content-script' is Baton's script inside a Salesforce Lightning or HubSpot page.
 */
export const SENDER_KINDS = ['content-script', 'extension-page'] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];

export interface MessageSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  /** The kinds of sender allowed to send this message; anything else is refused. */
  senders: readonly SenderKind[];
}

/** Identity function that keeps the schemas' exact types for inference. */
export function defineMessage<Req extends z.ZodType, Res extends z.ZodType>(
  spec: MessageSpec<Req, Res>,
): MessageSpec<Req, Res> {
  return spec;
}

export type Protocol = Record<string, MessageSpec>;

const ANY_OWN_CONTEXT = SENDER_KINDS;

const ping = defineMessage({
  request: z.object({}),
  response: z.object({ ok: z.literal(true), version: z.string() }),
  senders: ANY_OWN_CONTEXT,
});

/** Messages handled by the background. */
export const protocol = {
  ping,
  // Settings hold no secret (the HubSpot token is stored apart from them), so content scripts
  // may read them: they need the enforcement mode and the rules.
  'settings/get': defineMessage({
    request: z.object({}),
    response: z.object({ settings: Settings }),
    senders: ANY_OWN_CONTEXT,
  }),
  'deal/evaluate': defineMessage({
    request: z.object({ raw: RawArtifact, context: DealContext }),
    response: z.object({ evaluation: Evaluation }),
    senders: ANY_OWN_CONTEXT,
  }),
  'draft/save': defineMessage({
    request: z.object({ deal: DealRef, fields: RawArtifact.partial() }),
    response: z.object({ ok: z.literal(true) }),
    senders: ANY_OWN_CONTEXT,
  }),
  'draft/get': defineMessage({
    request: z.object({ deal: DealRef }),
    response: z.object({ fields: RawArtifact.partial().nullable() }),
    senders: ANY_OWN_CONTEXT,
  }),
} satisfies Protocol;

/**
 * Messages handled by a content script, sent with sendMessageToTab. Only extension contexts
 * (normally the background) may send them. 'ping' answers whether Baton's script is in the tab:
 * tabs opened before an install or update have none until they reload.
 */
export const tabProtocol = {
  ping: defineMessage({ ...ping, senders: ['extension-page'] }),
} satisfies Protocol;

export type MessageType = keyof typeof protocol;
export type TabMessageType = keyof typeof tabProtocol;

type Key<P extends Protocol> = keyof P & string;

/** What a sender passes in (before parsing). */
export type RequestIn<P extends Protocol, T extends Key<P>> = z.input<P[T]['request']>;
/** What a handler receives (after parsing). */
export type RequestOut<P extends Protocol, T extends Key<P>> = z.output<P[T]['request']>;
/** What a handler returns (before parsing). */
export type ResponseIn<P extends Protocol, T extends Key<P>> = z.input<P[T]['response']>;
/** What a sender gets back (after parsing). */
export type ResponseOut<P extends Protocol, T extends Key<P>> = z.output<P[T]['response']>;

/** The background's messages, for callers that do not need the generic forms. */
export type MessageRequest<T extends MessageType> = RequestIn<typeof protocol, T>;
export type MessageResponse<T extends MessageType> = ResponseOut<typeof protocol, T>;
