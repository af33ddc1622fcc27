/**
 * The background's answers to every message. Dependencies come in as arguments, so the whole
 * of it runs in unit tests with a fake CRM and fake-indexeddb; entrypoints/background.ts wires
 * the real ones.
 */
import type { Crm, DealRef } from '@/lib/domain/deal';
import { dealKey } from '@/lib/domain/deal';
import { ELEMENT_LABELS } from '@/lib/domain/elements';
import { dealHeader } from '@/lib/domain/header';
import { ACTIVITY_SUBJECTS, ackRating, acknowledgementRecord, reviewRecord } from '@/lib/domain/activity';
import { CrmError, isTransient, meansNoApiAccess, toCrmProblem, type CrmProblem } from '@/lib/domain/problem';
import type { DealBackend } from '@/lib/crms/shared/api/backend';
import { HandlerError } from '@/lib/messaging/envelope';
import { OUTBOX_LIST_MAX, type OutboxEntry, type OutboxSummary, type Policy } from '@/lib/messaging/protocol';
import type { CachedDeal, SavedReview } from '@/lib/messaging/wire';
import type { BackgroundHandlers, SenderContext } from '@/lib/messaging/router';
import type { Finding } from '@/lib/rules/types';
import type { Settings } from '@/lib/settings/schema';
import { CRMS, CRM_LIST, pageInstance } from '@/lib/crms';
import { overrideNotice } from '@/lib/messaging/outboxText';
import { afterFailure } from './outbox';
import {
  appendAudit,
  deleteDraft,
  deleteSecret,
  getSecret,
  putSecret,
  type HubSpotSecret,
  enqueue,
  getDraft,
  getSnapshot,
  listForDeal,
  listOutbox,
  wakeWaiting,
  listRecentSnapshots,
  listReviews,
  saveReview,
  putSnapshot,
  retryNow,
  saveDraft,
  cachedHeader,
  type BatonDatabase,
  type OutboxItem,
  type Review,
  type Snapshot,
} from '@/lib/db';

export interface BackgroundDeps {
  backend(crm: Crm): DealBackend | null;
  db(): Promise<BatonDatabase>;
  settings(): Promise<Settings>;
  /** Checks HubSpot credentials (a test call) and returns what to keep; throws CrmError. */
  connectHubSpot(request: { method: 'private-app'; token: string } | { method: 'oauth' }): Promise<HubSpotSecret>;
  /** Forgets what the HubSpot backend cached for the previous connection. */
  hubspotConnectionChanged(): void;
  /** Asks for an outbox pass soon (after something was queued or retried). */
  kickOutbox(): Promise<void>;
  version: string;
  now?: () => Date;
}


export function hubspotStatusOf(secret: HubSpotSecret | undefined) {
  return secret === undefined
    ? { connected: false, method: null, portalId: null, uiDomain: null, tokenHint: null, savedAt: null }
    : {
        connected: true,
        method: secret.method,
        portalId: secret.portalId,
        uiDomain: secret.uiDomain,
        tokenHint: secret.accessToken.slice(-4),
        savedAt: secret.savedAt,
      };
}

function checkSender(context: SenderContext, crm: Crm, instance: string): void {
  if (context.senderKind !== 'content-script') return;
  if (pageInstance(crm, context.url) !== instance) {
    throw new HandlerError('Baton answers a page only about deals of its own org.');
  }
}

function policyOf(settings: Settings): Policy {
  return { enforcement: settings.enforcement, rules: settings.rules };
}

/** The Task / note text of an override: who-knows-what is gone, the reason and findings stay. */
export function overrideRecord(reason: string, stageLabel: string, findings: readonly Finding[], at: Date): { subject: string; body: string } {
  const blocking = findings.filter((f) => f.severity === 'block');
  const lines = [
    `Closed as “${stageLabel}” although Baton's handoff check ${blocking.length > 0 ? 'blocked it' : 'found problems'} (${at.toISOString()}).`,
    '',
    `Reason given: ${reason.trim()}`,
    '',
    `Open findings (${findings.length}):`,
    ...findings.map((f) => `- [${f.severity}] ${ELEMENT_LABELS[f.element]}: ${f.message}`),
  ];
  return { subject: `${ACTIVITY_SUBJECTS.override} (closed won anyway)`, body: lines.join('\n') };
}

// Stored records become messages field by field, so what is added to a store stays in the store.

function cachedDealOf(s: Snapshot): CachedDeal {
  return { dealKey: s.dealKey, fetchedAt: s.fetchedAt, header: cachedHeader(s), artifact: s.artifact };
}

function savedReviewOf(r: Review): SavedReview {
  return {
    id: r.id,
    dealKey: r.dealKey,
    deal: r.deal,
    rubric: r.rubric,
    verdict: r.verdict,
    comment: r.comment,
    reviewer: r.reviewer,
    at: r.at,
    syncedToCrm: r.syncedToCrm,
  };
}

function summaries(items: readonly OutboxItem[]): OutboxSummary[] {
  return items.map((i) => ({
    id: i.id,
    deal: i.deal,
    kind: i.kind,
    status: i.status,
    createdAt: i.createdAt,
    attempts: i.attempts,
    lastError: i.lastError,
    lastErrorKind: i.lastErrorKind ?? null,
    nextAttemptAt: i.nextAttemptAt,
  }));
}

/** What to tell the user when Baton's own storage (IndexedDB) failed: CRM writes go on without it. */
export function storageProblemText(error: unknown): string {
  const detail = error instanceof Error && error.message ? error.message.slice(0, 300) : String(error).slice(0, 300);
  return `Baton’s storage on this computer is not working (${detail}).`;
}

type Local<T> = { ok: true; value: T } | { ok: false; words: string };

/** A CRM problem whose write Baton could not keep to send later either: both in one sentence. */
function notKept(problem: CrmProblem, storage: string): CrmProblem {
  return { ...problem, message: `${problem.message} ${storage} It was not kept to send later.`.slice(0, 2000) };
}

export function createBackgroundHandlers(deps: BackgroundDeps): BackgroundHandlers {
  const now = () => deps.now?.() ?? new Date();

  function backendOf(deal: { crm: Crm }): DealBackend {
    const backend = deps.backend(deal.crm);
    if (backend === null) throw new CrmError({ kind: 'not-connected', message: CRMS[deal.crm].notConnected });
    return backend;
  }

  async function outboxFor(deal: DealRef) {
    const db = await deps.db();
    return summaries((await listForDeal(db, dealKey(deal))).items);
  }

  /**
   * Work on Baton's local storage that a CRM write must not depend on: a database that cannot
   * open (a failed upgrade, a disk error, a full quota) becomes words for the user, never a throw.
   */
  async function local<T>(work: (db: BatonDatabase) => Promise<T>): Promise<Local<T>> {
    try {
      return { ok: true, value: await work(await deps.db()) };
    } catch (error) {
      console.warn('[baton] Local storage failed.', error);
      return { ok: false, words: storageProblemText(error) };
    }
  }

  /** Keeps a write the CRM did not take in the outbox, its first attempt recorded (waiting, retrying or failed). */
  function keep(input: Parameters<typeof enqueue>[1], problem: CrmProblem, at: Date): Promise<Local<OutboxItem>> {
    return local((db) => enqueue(db, input, at, afterFailure(problem, 1, at)));
  }

  /** Every unsent write, with the cached name and URL of its deal, for the side panel and the console. */
  async function outboxList(): Promise<{ items: OutboxEntry[]; invalid: number }> {
    const db = await deps.db();
    const { items, invalid } = await listOutbox(db);
    const names = new Map<string, Snapshot | undefined>();
    for (const key of new Set(items.map((i) => i.dealKey))) names.set(key, await getSnapshot(db, key).catch(() => undefined));
    const entries = summaries(items.slice(0, OUTBOX_LIST_MAX)).map((summary, i) => {
      const cached = names.get(items[i]?.dealKey ?? '');
      return { ...summary, dealName: cached?.name || null, dealUrl: cached?.url || null };
    });
    return { items: entries, invalid: invalid.length };
  }

  return {
    ping: () => ({ ok: true, version: deps.version }),

    'settings/get': async () => ({ settings: await deps.settings() }),


    'hubspot/status': async () => hubspotStatusOf(await getSecret(await deps.db(), 'hubspot')),

    'hubspot/connect': async (request) => {
      try {
        const secret = await deps.connectHubSpot(request);
        const db = await deps.db();
        await putSecret(db, secret);
        deps.hubspotConnectionChanged();
        // What waited for this connection (notes of overrides, acknowledgements, reviews) goes out now.
        if ((await wakeWaiting(db, 'hubspot', now())) > 0) void deps.kickOutbox().catch((e: unknown) => console.warn('[baton] outbox pass after connecting failed', e));
        return { ok: true, status: hubspotStatusOf(secret) };
      } catch (error) {
        return { ok: false, problem: toCrmProblem(error) };
      }
    },

    'hubspot/disconnect': async () => {
      await deleteSecret(await deps.db(), 'hubspot');
      deps.hubspotConnectionChanged();
      return hubspotStatusOf(undefined);
    },

    'deal/cached': async ({ deal }) => {
      const cached = await getSnapshot(await deps.db(), dealKey(deal));
      return { snapshot: cached ? cachedDealOf(cached) : null };
    },

    'deals/recent': async ({ limit }) => ({ deals: (await listRecentSnapshots(await deps.db(), limit)).items.map(cachedDealOf) }),

    'deal/activities': async ({ deal }) => {
      try {
        return { ok: true, activities: await backendOf(deal).readActivities(deal) };
      } catch (error) {
        return { ok: false, problem: toCrmProblem(error) };
      }
    },

    'deal/acknowledge': async ({ deal, rubric, comment }) => {
      const settings = await deps.settings();
      const { subject, body } = acknowledgementRecord(rubric, comment);
      const backend = backendOf(deal);
      let recorded: 'crm' | 'queued' | 'failed' = 'crm';
      let problem: CrmProblem | null = null;
      try {
        await backend.createActivity(deal, subject, body);
      } catch (error) {
        problem = toCrmProblem(error);
        // An outage or a signed-out session waits in the outbox; what can never succeed (no
        // permission, deal gone, validation) goes back to the CSM, whose form keeps what they typed.
        if (!isTransient(problem.kind) && !meansNoApiAccess(problem.kind)) return { recorded: 'failed', problem, ratingField: 'not-mapped' };
        const kept = await keep({ deal, kind: 'create-acknowledgement', payload: { subject, body } }, problem, now());
        if (!kept.ok) return { recorded: 'failed', problem: notKept(problem, kept.words), ratingField: 'not-mapped' };
        recorded = 'queued';
      }
      const field = settings.fieldMappings[deal.crm].csmRating;
      let ratingField: 'written' | 'not-mapped' | 'failed' = 'not-mapped';
      if (field !== null) {
        try {
          await backend.writeNumber(deal, field, ackRating(rubric));
          ratingField = 'written';
        } catch (error) {
          console.warn('[baton] The CSM rating field could not be written.', error);
          ratingField = 'failed';
        }
      }
      return { recorded, problem, ratingField };
    },

    'team/sources': async () => {
      const perCrm = await Promise.all(
        CRM_LIST.map(async ({ id: crm, notConnected }) => {
          const backend = deps.backend(crm);
          if (backend === null) return [{ crm, instance: null, problem: { kind: 'not-connected' as const, message: notConnected } }];
          return (await backend.teamSources()).map((source) => ({ crm, ...source }));
        }),
      );
      return { sources: perCrm.flat() };
    },

    'team/deals': async ({ crm, instance, query }) => {
      try {
        return { ok: true, ...(await backendOf({ crm }).listTeamDeals(instance, query)) };
      } catch (error) {
        return { ok: false, problem: toCrmProblem(error) };
      }
    },

    'deal/review': async ({ deal, rubric, verdict, comment, sample }) => {
      const { subject, body } = reviewRecord(rubric, verdict, comment, sample);
      let problem: CrmProblem | null = null;
      try {
        await backendOf(deal).createActivity(deal, subject, body);
      } catch (error) {
        problem = toCrmProblem(error);
        // As an acknowledgement: what can never succeed goes back to the reviewer, text kept.
        if (!isTransient(problem.kind) && !meansNoApiAccess(problem.kind)) return { recorded: 'failed', problem, review: null };
      }
      // The local copy (the console's progress) and, when the CRM did not take it, the queued write.
      const waitingProblem = problem;
      const kept = await local(async (db) => {
        const review = await saveReview(db, { deal, rubric, verdict, comment, syncedToCrm: waitingProblem === null }, now());
        if (waitingProblem) await enqueue(db, { deal, kind: 'create-review', payload: { subject, body, reviewId: review.id } }, now(), afterFailure(waitingProblem, 1, now()));
        return review;
      });
      if (!kept.ok) return problem ? { recorded: 'failed', problem: notKept(problem, kept.words), review: null } : { recorded: 'crm', problem: null, review: null };
      return { recorded: problem ? 'queued' : 'crm', problem, review: savedReviewOf(kept.value) };
    },

    'reviews/list': async () => ({ reviews: (await listReviews(await deps.db())).items.slice(0, 10_000).map(savedReviewOf) }),

    'deal/snapshot': async ({ deal }, context) => {
      checkSender(context, deal.crm, deal.instance);
      const settings = await deps.settings();
      const policy = policyOf(settings);
      try {
        const snapshot = await backendOf(deal).readSnapshot(deal);
        try {
          await putSnapshot(await deps.db(), { ...dealHeader(snapshot), deal, artifact: snapshot.artifact });
        } catch (error) {
          console.warn('[baton] Could not cache the deal snapshot.', error); // a cache, not a reason to fail
        }
        return { ok: true, snapshot, policy };
      } catch (error) {
        return { ok: false, problem: toCrmProblem(error), policy };
      }
    },

    'org/stages': async ({ crm, instance }, context) => {
      checkSender(context, crm, instance);
      const policy = policyOf(await deps.settings());
      try {
        return { ok: true, stages: await backendOf({ crm }).readStages(instance), policy };
      } catch (error) {
        return { ok: false, problem: toCrmProblem(error), policy };
      }
    },

    // The CRM write comes first and needs nothing of Baton's local storage: a broken database
    // costs the draft, the audit entry or the outbox, and is said so, never the save itself.
    'deal/save-fields': async ({ deal, fields, expected }, context) => {
      checkSender(context, deal.crm, deal.instance);
      let outcome;
      try {
        outcome = await backendOf(deal).writeFields(deal, fields, expected);
      } catch (error) {
        const problem: CrmProblem = toCrmProblem(error);
        if (!isTransient(problem.kind)) return { outcome: 'failed', problem, queued: false };
        const kept = await keep({ deal, kind: 'update-fields', payload: { fields, expected } }, problem, now());
        return kept.ok ? { outcome: 'failed', problem, queued: true } : { outcome: 'failed', problem, queued: false, storage: kept.words };
      }
      if (!outcome.ok) return { outcome: 'conflict', conflicts: outcome.conflicts };
      await local((db) => deleteDraft(db, dealKey(deal))); // a stale draft equals the CRM now: harmless
      return { outcome: 'saved' };
    },

    'deal/override': async ({ deal, reason, findings, stageLabel }, context) => {
      checkSender(context, deal.crm, deal.instance);
      const at = now();
      const { subject, body } = overrideRecord(reason, stageLabel, findings, at);
      let problem: CrmProblem | null = null;
      try {
        await backendOf(deal).createActivity(deal, subject, body);
      } catch (error) {
        problem = toCrmProblem(error);
      }
      const audit = await local((db) => appendAudit(db, { deal, event: 'override', findings, reason }, at));
      const storage = audit.ok ? null : audit.words;
      if (problem === null) return { recorded: 'crm', problem: null, storage };
      // The override happens either way (that is the rep's call); its record must reach the CRM.
      const kept = await keep({ deal, kind: 'create-override-record', payload: { subject, body } }, problem, at);
      const result = kept.ok ? { recorded: 'queued' as const, problem, storage } : { recorded: 'not-queued' as const, problem, storage: kept.words };
      return { ...result, notice: overrideNotice(deal.crm, result) };
    },

    'audit/append': async ({ deal, event, findings }, context) => {
      checkSender(context, deal.crm, deal.instance);
      await appendAudit(await deps.db(), { deal, event, findings }, now());
      return { ok: true };
    },

    'draft/save': async ({ deal, fields, baseValues }, context) => {
      checkSender(context, deal.crm, deal.instance);
      await saveDraft(await deps.db(), { deal, fields, ...(baseValues ? { baseValues } : {}) }, now());
      return { ok: true };
    },

    'draft/get': async ({ deal }, context) => {
      checkSender(context, deal.crm, deal.instance);
      const draft = await getDraft(await deps.db(), dealKey(deal));
      return draft === undefined
        ? { fields: null, baseValues: null, updatedAt: null }
        : { fields: draft.fields, baseValues: draft.baseValues ?? null, updatedAt: draft.updatedAt };
    },

    'outbox/status': async ({ deal }, context) => {
      checkSender(context, deal.crm, deal.instance);
      return { items: await outboxFor(deal) };
    },

    'outbox/retry': async ({ deal }, context) => {
      checkSender(context, deal.crm, deal.instance);
      const db = await deps.db();
      for (const item of await outboxFor(deal)) {
        if (item.status !== 'in-flight') await retryNow(db, item.id, now());
      }
      await deps.kickOutbox();
      return { items: await outboxFor(deal) };
    },

    'outbox/list': () => outboxList(),

    'outbox/retry-item': async ({ id }) => {
      const db = await deps.db();
      const item = (await listOutbox(db)).items.find((i) => i.id === id);
      if (item && item.status !== 'in-flight') await retryNow(db, id, now());
      await deps.kickOutbox();
      return outboxList();
    },
  };
}
