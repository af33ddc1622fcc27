/**
 * HubSpot behind the CRM-agnostic DealBackend: the token from Baton's secret store (refreshed
 * when it is an expired OAuth token), the deal property list and the pipelines cached per portal
 * for a few minutes, the deal itself read fresh.
 */
import type { DealRef } from '@/lib/domain/deal';
import { ELEMENT_KEYS, type RawArtifact } from '@/lib/domain/elements';
import type { DealSnapshot, StageOption } from '@/lib/domain/snapshot';
import type { BatonActivity } from '@/lib/domain/activity';
import type { HubSpotMapping } from '@/lib/settings/schema';
import { CrmError } from '@/lib/domain/problem';
import type { FetchLike } from '@/lib/crms/shared/api/http';
import type { DealBackend, TeamDealsResult, WriteOutcome } from '@/lib/crms/shared/api/backend';
import { TtlCache } from '@/lib/crms/shared/api/ttlCache';
import { setupNotice, type SetupWording } from '@/lib/crms/shared/api/setupNotice';
import type { TeamQuery } from '@/lib/domain/team';
import { listTeamHubSpotDeals } from './team';
import { hubspot } from '../entry';
import { getSecret, putSecret, type BatonDatabase, type HubSpotSecret } from '@/lib/db';
import { hubspotDealUrl } from '@/lib/crms/hubspot/urls';
import { HubSpotApi } from './client';
import { refreshOAuth } from './connection';
import {
  checkMapping,
  createNote,
  readBatonNotes,
  readDeal,
  readDealProperties,
  readOwnerName,
  readPipelines,
  readTokenOwnerId,
  writeDealProperties,
  type PipelineInfo,
  type PropertyInfo,
} from './records';
import { DealObject } from './schemas';

export interface HubSpotBackendOptions {
  db: () => Promise<BatonDatabase>;
  mapping: () => Promise<HubSpotMapping>;
  /** The OAuth client id in force (for refreshing an OAuth token). */
  oauthClientId: () => Promise<string | null>;
  fetch?: FetchLike;
  now?: () => Date;
}

const NOT_CONNECTED = hubspot.notConnected;

/** The deal property list and the pipelines are kept this long per portal. */
export const PORTAL_CACHE_MS = 10 * 60_000;
/** An OAuth token this close to expiry is refreshed before use. */
const REFRESH_MARGIN_MS = 60_000;

const SETUP: SetupWording = {
  crm: hubspot.label,
  missing: (fields, one) => `the deal ${one ? 'property' : 'properties'} ${fields} ${one ? 'does' : 'do'} not exist in this portal`,
  ask: 'your HubSpot admin to create',
};

export class HubSpotBackend implements DealBackend {
  private readonly clock = () => this.now().getTime();
  private readonly properties = new TtlCache<Map<string, PropertyInfo>>(PORTAL_CACHE_MS, this.clock);
  private readonly pipelines = new TtlCache<PipelineInfo[]>(PORTAL_CACHE_MS, this.clock);
  /** The owner id behind each access token (keyed by the token: a refreshed OAuth token looks its user up again). */
  private readonly tokenOwners = new TtlCache<string | null>(PORTAL_CACHE_MS, this.clock);

  constructor(private readonly options: HubSpotBackendOptions) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async secretFor(portal: string): Promise<HubSpotSecret> {
    const db = await this.options.db();
    let secret = await getSecret(db, 'hubspot');
    if (!secret) throw new CrmError({ kind: 'not-connected', message: `${NOT_CONNECTED.slice(0, -1)} (a private app token, a service key, or OAuth).` });
    if (secret.portalId !== portal) {
      throw new CrmError({
        kind: 'not-connected',
        message: `Baton is connected to HubSpot portal ${secret.portalId}; this deal is in portal ${portal}. Connect Baton with a token of portal ${portal}.`,
      });
    }
    if (secret.method === 'oauth' && secret.expiresAt !== null && Date.parse(secret.expiresAt) - this.now().getTime() < REFRESH_MARGIN_MS) {
      const clientId = await this.options.oauthClientId();
      if (clientId === null) throw new CrmError({ kind: 'session-expired', message: 'HubSpot’s access expired and no OAuth client id is set. Reconnect HubSpot in Baton’s options.' });
      secret = await refreshOAuth(secret, clientId, this.now(), this.options.fetch);
      await putSecret(db, secret);
    }
    return secret;
  }

  private async api(portal: string): Promise<{ api: HubSpotApi; secret: HubSpotSecret }> {
    const secret = await this.secretFor(portal);
    return { api: new HubSpotApi(secret.accessToken, this.options.fetch), secret };
  }

  forget(portal: string): void {
    this.properties.delete(portal);
    this.pipelines.delete(portal);
  }

  /** After a new connection: what was cached belongs to the old one. */
  forgetAll(): void {
    this.properties.clear();
    this.pipelines.clear();
    this.tokenOwners.clear();
  }

  /** The portal's deal properties and pipelines, cached together. */
  private portalSchema(portal: string, api: HubSpotApi): Promise<[Map<string, PropertyInfo>, PipelineInfo[]]> {
    return Promise.all([this.properties.get(portal, () => readDealProperties(api)), this.pipelines.get(portal, () => readPipelines(api))]);
  }

  async readStages(portal: string): Promise<StageOption[]> {
    const { api } = await this.api(portal);
    const pipelines = await this.pipelines.get(portal, () => readPipelines(api));
    return pipelines.flatMap((p) => p.stages);
  }

  async readSnapshot(deal: DealRef): Promise<DealSnapshot> {
    const { api, secret } = await this.api(deal.instance);
    const mapping = await this.options.mapping();
    const [properties, pipelines] = await this.portalSchema(deal.instance, api);
    const fieldIssues = checkMapping(properties, mapping);
    const present = new Set(ELEMENT_KEYS.filter((k) => !fieldIssues.some((i) => i.element === k && i.problem === 'missing')));
    const record = await readDeal(api, deal.recordId, mapping, present);
    const pipeline = pipelines.find((p) => p.id === record.pipelineId) ?? null;
    const stage = pipeline?.stages.find((s) => s.value === record.stageId);
    return {
      deal,
      url: hubspotDealUrl(secret.uiDomain, deal),
      name: record.name,
      stage: { value: record.stageId, label: stage?.label ?? record.stageId },
      amount: record.amount,
      currency: null,
      closeDate: record.closeDate,
      owner: await readOwnerName(api, record.ownerId),
      account: null,
      pipeline: pipeline ? { id: pipeline.id, label: pipeline.label } : null,
      // Every stage of every pipeline: a board or a bulk edit can move the deal into another pipeline's stage.
      stages: pipelines.flatMap((p) => p.stages),
      artifact: record.artifact,
      fieldIssues,
      source: 'api',
      writable: true,
      notice: setupNotice(fieldIssues, SETUP),
      version: record.lastModified,
      fetchedAt: this.now().toISOString(),
    };
  }

  async writeFields(deal: DealRef, fields: Partial<RawArtifact>, expected: Partial<RawArtifact>): Promise<WriteOutcome> {
    const { api } = await this.api(deal.instance);
    const properties = await this.properties.get(deal.instance, () => readDealProperties(api));
    const issues = checkMapping(properties, await this.options.mapping());
    try {
      return await writeDealProperties(api, deal.recordId, await this.options.mapping(), issues, fields, expected);
    } catch (error) {
      if (error instanceof CrmError && error.kind === 'missing-fields') this.forget(deal.instance);
      throw error;
    }
  }

  async createActivity(deal: DealRef, subject: string, body: string): Promise<string> {
    const { api, secret } = await this.api(deal.instance);
    return createNote(api, deal.recordId, subject, body, this.now(), await this.actingOwner(api, secret));
  }

  /**
   * Who the note is written as. A record that cannot say who wrote it is still written (an
   * override must be recorded); it then counts as an acknowledgement or review for nobody.
   */
  private async actingOwner(api: HubSpotApi, secret: HubSpotSecret): Promise<string | null> {
    try {
      return await this.tokenOwners.get(secret.accessToken, () => readTokenOwnerId(api, secret.accessToken, secret.method));
    } catch (error) {
      console.warn('[baton] HubSpot did not say who Baton’s token belongs to; the note is written without an owner.', error);
      return null;
    }
  }

  async readActivities(deal: DealRef): Promise<BatonActivity[]> {
    const { api } = await this.api(deal.instance);
    return readBatonNotes(api, deal.recordId);
  }

  async writeNumber(deal: DealRef, field: string, value: number): Promise<void> {
    const { api } = await this.api(deal.instance);
    await api.patch(`/crm/v3/objects/deals/${encodeURIComponent(deal.recordId)}`, { properties: { [field]: String(value) } }, DealObject, 'the saved deal');
  }

  async teamSources() {
    const secret = await getSecret(await this.options.db(), 'hubspot');
    return [secret ? { instance: secret.portalId, problem: null } : { instance: null, problem: { kind: 'not-connected' as const, message: NOT_CONNECTED } }];
  }

  async listTeamDeals(portal: string, query: TeamQuery): Promise<TeamDealsResult> {
    const { api, secret } = await this.api(portal);
    const [properties, pipelines] = await this.portalSchema(portal, api);
    return listTeamHubSpotDeals(api, { portal, uiDomain: secret.uiDomain, mapping: await this.options.mapping(), properties, pipelines, query });
  }
}
