/**
 * Salesforce behind the CRM-agnostic DealBackend: sessions from the org's `sid` cookie, the
 * describe and the stages cached per org for a few minutes (they change when an admin edits
 * the org, not between two clicks), everything else read fresh.
 */
import type { DealRef } from '@/lib/domain/deal';
import type { RawArtifact } from '@/lib/domain/elements';
import type { DealSnapshot, StageOption } from '@/lib/domain/snapshot';
import type { BatonActivity } from '@/lib/domain/activity';
import { isoDay, type Clock } from '@/lib/domain/clock';
import type { SalesforceMapping } from '@/lib/settings/schema';
import { CrmError } from '@/lib/domain/problem';
import type { FetchLike } from '@/lib/crms/shared/api/http';
import type { DealBackend, TeamDealsResult, WriteOutcome } from '@/lib/crms/shared/api/backend';
import { TtlCache } from '@/lib/crms/shared/api/ttlCache';
import { setupNotice, type SetupWording } from '@/lib/crms/shared/api/setupNotice';
import type { TeamQuery } from '@/lib/domain/team';
import { listTeamOpportunities, teamQuery } from './team';
import { apiHostFor, apiHostInstance, opportunityUrl } from '@/lib/crms/salesforce/urls';
import { SalesforceApi } from './client';
import { createTask, describeOpportunity, readBatonTasks, readOpportunity, readStages, writeOpportunityFields, writeOpportunityNumber } from './records';
import type { DescribeField } from './schemas';
import { salesforce } from '../entry';

/** Reads a cookie; the background passes browser.cookies.get, tests a fake. */
export type CookieGetter = (details: { url: string; name: string }) => Promise<{ value: string } | null>;

/** The slice of the browser's cookies API the backends use (browser.cookies; tests pass a fake). */
export interface CookieJar {
  get(details: { url: string; name: string; storeId?: string }): Promise<{ value: string } | null>;
  getAll(details: { name: string; storeId?: string }): Promise<Array<{ domain: string }>>;
}

export interface SalesforceBackendOptions {
  getCookie: CookieGetter;
  /** The domains of every `sid` cookie the browser holds (browser.cookies.getAll): the orgs signed in to. */
  sessionDomains?: () => Promise<string[]>;
  /** The field mapping in force (settings can change while the background runs). */
  mapping: () => Promise<SalesforceMapping>;
  fetch?: FetchLike;
  now?: Clock;
}

/** Describe and stages are kept this long per org. */
export const ORG_CACHE_MS = 10 * 60_000;

const SETUP: SetupWording = {
  crm: salesforce.label,
  missing: (fields, one) => `${fields} ${one ? 'is' : 'are'} not on Opportunity in this org (or not visible to you)`,
  ask: 'your admin to add',
};

export class SalesforceBackend implements DealBackend {
  private readonly clock = () => this.now().getTime();
  private readonly describes = new TtlCache<Map<string, DescribeField>>(ORG_CACHE_MS, this.clock);
  /** Keyed `${instance}|${recordTypeId}`: each record type has its own stage labels. */
  private readonly stages = new TtlCache<StageOption[]>(ORG_CACHE_MS, this.clock);

  constructor(private readonly options: SalesforceBackendOptions) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** The session of the signed-in user, from the `sid` cookie of the org's API host. */
  async api(instance: string): Promise<SalesforceApi> {
    const apiHost = apiHostFor(instance);
    const cookie = await this.options.getCookie({ url: `https://${apiHost}/`, name: 'sid' });
    if (cookie === null || cookie.value === '') {
      throw new CrmError({
        kind: 'not-connected',
        message: `Baton found no Salesforce session for ${apiHost}. Sign in to Salesforce in this browser.`,
      });
    }
    return new SalesforceApi({ apiHost, sessionId: cookie.value, ...(this.options.fetch ? { fetch: this.options.fetch } : {}) });
  }

  private describe(instance: string, api: SalesforceApi): Promise<Map<string, DescribeField>> {
    return this.describes.get(instance, () => describeOpportunity(api));
  }

  /**
   * Forgets an org's field list after a write was refused for a missing field (an admin changed
   * the fields). Its stages are kept: they are keyed per record type, and a field change says
   * nothing about them (the line that "forgot" them by org name never matched a key).
   */
  forget(instance: string): void {
    this.describes.delete(instance);
  }

  async readSnapshot(deal: DealRef): Promise<DealSnapshot> {
    const api = await this.api(deal.instance);
    const describe = await this.describe(deal.instance, api);
    const record = await readOpportunity(api, deal.recordId, await this.options.mapping(), describe);
    const stages = await this.stages.get(`${deal.instance}|${record.recordTypeId ?? ''}`, () => readStages(api, record.recordTypeId));
    return {
      deal,
      url: opportunityUrl(deal.instance, deal.recordId),
      name: record.name,
      stage: record.stage,
      amount: record.amount,
      currency: record.currency,
      closeDate: record.closeDate,
      owner: record.owner,
      account: record.account,
      pipeline: null,
      stages,
      artifact: record.artifact,
      fieldIssues: record.fieldIssues,
      source: 'api',
      writable: true,
      notice: setupNotice(record.fieldIssues, SETUP),
      version: record.lastModifiedDate,
      fetchedAt: this.now().toISOString(),
    };
  }

  /** The org's stages of the master record type (all record types' won stages are among them). */
  private orgStages(instance: string, api: SalesforceApi): Promise<StageOption[]> {
    return this.stages.get(`${instance}|`, () => readStages(api, null));
  }

  async readStages(instance: string): Promise<StageOption[]> {
    return this.orgStages(instance, await this.api(instance));
  }

  async writeFields(deal: DealRef, fields: Partial<RawArtifact>, expected: Partial<RawArtifact>): Promise<WriteOutcome> {
    const api = await this.api(deal.instance);
    const describe = await this.describe(deal.instance, api);
    try {
      return await writeOpportunityFields(api, deal.recordId, await this.options.mapping(), describe, fields, expected);
    } catch (error) {
      if (error instanceof CrmError && error.kind === 'missing-fields') this.forget(deal.instance);
      throw error;
    }
  }

  async createActivity(deal: DealRef, subject: string, body: string): Promise<string> {
    const api = await this.api(deal.instance);
    // The Task's date is the rep's today, the local day (lib/domain/clock.ts), as the gate's.
    return createTask(api, deal.recordId, subject, body, isoDay(this.now()));
  }

  async readActivities(deal: DealRef): Promise<BatonActivity[]> {
    return readBatonTasks(await this.api(deal.instance), deal.recordId);
  }

  async writeNumber(deal: DealRef, field: string, value: number): Promise<void> {
    const api = await this.api(deal.instance);
    await writeOpportunityNumber(api, deal.recordId, await this.describe(deal.instance, api), field, value);
  }

  async teamSources() {
    const domains = (await this.options.sessionDomains?.()) ?? [];
    const orgs = [...new Set(domains.flatMap((domain) => apiHostInstance(domain) ?? []))].sort();
    return orgs.map((instance) => ({ instance, problem: null }));
  }

  async listTeamDeals(instance: string, query: TeamQuery): Promise<TeamDealsResult> {
    const api = await this.api(instance);
    const describe = await this.describe(instance, api);
    const stages = await this.orgStages(instance, api);
    return listTeamOpportunities(api, instance, teamQuery(await this.options.mapping(), describe, stages, query), stages);
  }
}

/**
 * One SalesforceBackend per browser cookie store (null: the default store), made on first use.
 * Each reads the `sid` cookies of its own store only, so a request from an incognito window or a
 * Firefox container calls Salesforce as the user signed in there
 * (https://developer.chrome.com/docs/extensions/reference/api/cookies#method-get: "storeId … By
 * default, the current execution context's cookie store will be used"). Each keeps its own
 * describe and stage caches: two stores may be two users who see different fields.
 */
export function salesforceBackends(options: Omit<SalesforceBackendOptions, 'getCookie' | 'sessionDomains'> & { cookies: CookieJar }): (cookieStoreId: string | null) => SalesforceBackend {
  const { cookies, ...rest } = options;
  const byStore = new Map<string, SalesforceBackend>();
  return (cookieStoreId) => {
    const key = cookieStoreId ?? '';
    const known = byStore.get(key);
    if (known) return known;
    const inStore = cookieStoreId === null ? {} : { storeId: cookieStoreId };
    const backend = new SalesforceBackend({
      ...rest,
      getCookie: (details) => cookies.get({ ...details, ...inStore }),
      sessionDomains: async () => (await cookies.getAll({ name: 'sid', ...inStore })).map((cookie) => cookie.domain),
    });
    byStore.set(key, backend);
    return backend;
  };
}
