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
import { Crm, DealRef } from '@/lib/domain/deal';
import { ArtifactFields, RawArtifact } from '@/lib/domain/elements';
import { DealSnapshot, StageOption } from '@/lib/domain/snapshot';
import { CrmErrorKind, CrmProblem } from '@/lib/domain/problem';
import { RulesConfig } from '@/lib/rules/config';
import { Finding } from '@/lib/rules/types';
import { EnforcementMode, Settings } from '@/lib/settings/schema';
import { AckRubric, BatonActivity, ReviewRubric, ReviewVerdict } from '@/lib/domain/activity';
import { TEAM_DEALS_MAX, TeamDeal, TeamQuery, TeamSource } from '@/lib/domain/team';
import { CachedDeal, SavedReview } from './wire';

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

/** What the overlay needs of the settings: how strictly to gate, and the rules it re-runs locally. */
export const Policy = z.object({ enforcement: EnforcementMode, rules: RulesConfig });
export type Policy = z.infer<typeof Policy>;

function SnapshotResult() {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), snapshot: DealSnapshot, policy: Policy }),
    z.object({ ok: z.literal(false), problem: CrmProblem, policy: Policy }),
  ]);
}
export type SnapshotResult = z.infer<ReturnType<typeof SnapshotResult>>;

const ArtifactKey = RawArtifact.keyof();

export const HubSpotStatus = z.object({
  connected: z.boolean(),
  method: z.enum(['private-app', 'oauth']).nullable(),
  portalId: z.string().nullable(),
  uiDomain: z.string().nullable(),
  tokenHint: z.string().max(4).nullable(),
  savedAt: z.string().nullable(),
});
export type HubSpotStatus = z.infer<typeof HubSpotStatus>;

/** A pending CRM write as the rep sees it ("1 change waiting to sync"). */
export const OutboxSummary = z.object({
  id: z.number().int().positive(),
  deal: DealRef,
  kind: z.enum(['update-fields', 'create-override-record', 'create-acknowledgement', 'create-review']),
  /**
   * pending: retried at nextAttemptAt (a passing failure); waiting: waits for a sign-in, a
   * connection or API access; in-flight: being sent; failed: refused for good, waits for a retry.
   */
  status: z.enum(['pending', 'waiting', 'in-flight', 'failed']),
  createdAt: z.string(),
  attempts: z.number().int().min(0),
  lastError: z.string().max(2000).nullable(),
  lastErrorKind: CrmErrorKind.nullable(),
  nextAttemptAt: z.string().nullable(),
});
export type OutboxSummary = z.infer<typeof OutboxSummary>;

/** An outbox item in the side panel's and the console's list: with the deal's name when Baton has it cached. */
export const OutboxEntry = OutboxSummary.extend({ dealName: z.string().max(1000).nullable(), dealUrl: z.url().nullable() });
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** Words about Baton's storage on this computer when it failed (IndexedDB refused), or null. */
const StorageProblem = z.string().max(1000).nullable().optional();

/** What the gate reports to the audit log; an override comes with its reason, through 'deal/override'. */
export const GateEvent = z.enum(['gate-blocked', 'gate-passed', 'saved-and-closed', 'cancelled', 'warned']);
export type GateEvent = z.infer<typeof GateEvent>;

/** The most outbox items a list answer carries (the oldest first; the store holds only unsent work). */
export const OUTBOX_LIST_MAX = 500;

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
  // The HubSpot connection: extension pages only (the options page). No message ever carries the
  // token back out: status answers whether Baton is connected, to which portal, and the token's
  // last four characters so the user can tell which one it is.
  'hubspot/status': defineMessage({
    request: z.object({}),
    response: HubSpotStatus,
    senders: ['extension-page'],
  }),
  'hubspot/connect': defineMessage({
    request: z.discriminatedUnion('method', [
      z.object({ method: z.literal('private-app'), token: z.string().min(1).max(600) }),
      z.object({ method: z.literal('oauth') }),
    ]),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), status: HubSpotStatus }),
      z.object({ ok: z.literal(false), problem: CrmProblem }),
    ]),
    senders: ['extension-page'],
  }),
  'hubspot/disconnect': defineMessage({
    request: z.object({}),
    response: HubSpotStatus,
    senders: ['extension-page'],
  }),
  // The CS brief (side panel) and the console: extension pages only.
  'deal/cached': defineMessage({
    request: z.object({ deal: DealRef }),
    response: z.object({ snapshot: CachedDeal.nullable() }),
    senders: ['extension-page'],
  }),
  'deals/recent': defineMessage({
    request: z.object({ limit: z.number().int().min(1).max(50) }),
    response: z.object({ deals: z.array(CachedDeal).max(50) }),
    senders: ['extension-page'],
  }),
  'deal/activities': defineMessage({
    request: z.object({ deal: DealRef }),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), activities: z.array(BatonActivity).max(50) }),
      z.object({ ok: z.literal(false), problem: CrmProblem }),
    ]),
    senders: ['extension-page'],
  }),
  'deal/acknowledge': defineMessage({
    request: z.object({ deal: DealRef, rubric: AckRubric, comment: z.string().max(2000) }),
    response: z.object({
      /** failed: a lasting CRM error (not queued); problem says which. */
      recorded: z.enum(['crm', 'queued', 'failed']),
      problem: CrmProblem.nullable(),
      /** The mapped CSM rating field: written, not mapped, or failed (the Task / note is what counts). */
      ratingField: z.enum(['written', 'not-mapped', 'failed']),
    }),
    senders: ['extension-page'],
  }),
  // The manager console: extension pages only.
  'team/sources': defineMessage({
    request: z.object({}),
    response: z.object({ sources: z.array(TeamSource).max(50) }),
    senders: ['extension-page'],
  }),
  'team/deals': defineMessage({
    request: z.object({ crm: Crm, instance: DealRef.shape.instance, query: TeamQuery }),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), deals: z.array(TeamDeal).max(TEAM_DEALS_MAX), partial: z.string().max(2000).nullable() }),
      z.object({ ok: z.literal(false), problem: CrmProblem }),
    ]),
    senders: ['extension-page'],
  }),
  'deal/review': defineMessage({
    request: z.object({
      deal: DealRef,
      rubric: ReviewRubric,
      verdict: ReviewVerdict,
      comment: z.string().max(5000),
      sample: z.object({ seed: z.number().int().min(0).max(0xffffffff) }).nullable(),
    }),
    response: z.object({ recorded: z.enum(['crm', 'queued', 'failed']), problem: CrmProblem.nullable(), review: SavedReview.nullable() }),
    senders: ['extension-page'],
  }),
  'reviews/list': defineMessage({
    request: z.object({}),
    response: z.object({ reviews: z.array(SavedReview).max(10_000) }),
    senders: ['extension-page'],
  }),
  'deal/snapshot': defineMessage({
    request: z.object({ deal: DealRef }),
    response: SnapshotResult(),
    senders: ANY_OWN_CONTEXT,
  }),
  'org/stages': defineMessage({
    request: z.object({ crm: Crm, instance: DealRef.shape.instance }),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), stages: z.array(StageOption).max(500), policy: Policy }),
      z.object({ ok: z.literal(false), problem: CrmProblem, policy: Policy }),
    ]),
    senders: ANY_OWN_CONTEXT,
  }),
  'deal/save-fields': defineMessage({
    request: z.object({ deal: DealRef, fields: ArtifactFields, expected: ArtifactFields }),
    response: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('saved') }),
      z.object({
        outcome: z.literal('conflict'),
        conflicts: z.array(z.object({ element: ArtifactKey, theirs: z.string() })).min(1),
      }),
      /**
       * queued: the write waits in the outbox and is retried (transient failures only). storage:
       * why it could not be queued although it should have been (Baton's local storage failed).
       */
      z.object({ outcome: z.literal('failed'), problem: CrmProblem, queued: z.boolean(), storage: StorageProblem }),
    ]),
    senders: ANY_OWN_CONTEXT,
  }),
  'deal/override': defineMessage({
    request: z.object({
      deal: DealRef,
      reason: z.string().max(2000).regex(/\S/, 'a reason is required'),
      findings: z.array(Finding).max(200),
      /** The stage the deal is being moved to, as the user sees it. */
      stageLabel: z.string().max(255),
    }),
    /**
     * crm: the Task / note is on the deal. queued: it is kept in Baton's outbox, because of
     * `problem` (its kind says whether it is retried on its own, waits for a sign-in or connection,
     * or was refused for good and waits for a retry). not-queued: the CRM did not take it and
     * Baton could not keep it either (`storage` says why): nothing records the override.
     * storage, with crm / queued: what else Baton could not keep on this computer (the audit entry).
     */
    response: z.object({
      recorded: z.enum(['crm', 'queued', 'not-queued']),
      problem: CrmProblem.nullable(),
      storage: StorageProblem,
      /** What the rep reads when the record is not in the CRM: where it is, when it gets there (lib/messaging/outboxText.ts). */
      notice: z.string().max(6000).nullable().optional(),
    }),
    senders: ANY_OWN_CONTEXT,
  }),
  'audit/append': defineMessage({
    request: z.object({
      deal: DealRef,
      event: GateEvent,
      findings: z.array(Finding.pick({ rule: true, element: true, severity: true })).max(500),
    }),
    response: z.object({ ok: z.literal(true) }),
    senders: ANY_OWN_CONTEXT,
  }),
  'draft/save': defineMessage({
    request: z.object({ deal: DealRef, fields: ArtifactFields, baseValues: ArtifactFields.optional() }),
    response: z.object({ ok: z.literal(true) }),
    senders: ANY_OWN_CONTEXT,
  }),
  'draft/get': defineMessage({
    request: z.object({ deal: DealRef }),
    response: z.object({
      fields: ArtifactFields.nullable(),
      baseValues: ArtifactFields.nullable(),
      updatedAt: z.string().nullable(),
    }),
    senders: ANY_OWN_CONTEXT,
  }),
  'outbox/status': defineMessage({
    request: z.object({ deal: DealRef }),
    response: z.object({ items: z.array(OutboxSummary).max(200) }),
    senders: ANY_OWN_CONTEXT,
  }),
  'outbox/retry': defineMessage({
    request: z.object({ deal: DealRef }),
    response: z.object({ items: z.array(OutboxSummary).max(200) }),
    senders: ANY_OWN_CONTEXT,
  }),
  // Every unsent CRM write, for the side panel and the console; extension pages only (it spans
  // every deal and org, so no page may read it).
  'outbox/list': defineMessage({
    request: z.object({}),
    response: z.object({ items: z.array(OutboxEntry).max(OUTBOX_LIST_MAX), invalid: z.number().int().min(0) }),
    senders: ['extension-page'],
  }),
  /** Sends one item now (a failed one, or one waiting for a sign-in that has happened). */
  'outbox/retry-item': defineMessage({
    request: z.object({ id: z.number().int().positive() }),
    response: z.object({ items: z.array(OutboxEntry).max(OUTBOX_LIST_MAX), invalid: z.number().int().min(0) }),
    senders: ['extension-page'],
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
