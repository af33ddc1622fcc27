/**
 * What the overlay asks the background for. The content script's implementation sends Baton
 * messages (lib/messaging); tests of the controller pass fakes.
 */
import type { DealRef } from '@/lib/domain/deal';
import type { StageOption } from '@/lib/domain/snapshot';
import type { CrmProblem } from '@/lib/domain/problem';
import type { ArtifactFields } from '@/lib/domain/elements';
import type { GateEvent, MessageResponse, OutboxSummary, SnapshotResult } from '@/lib/messaging/protocol';
import type { Finding } from '@/lib/rules/types';
import type { Policy } from '@/lib/messaging/protocol';
import { sendMessage } from '@/lib/messaging/client';

export type SaveResult = MessageResponse<'deal/save-fields'>;
export type OverrideResult = MessageResponse<'deal/override'>;
export type StagesResult = { ok: true; stages: StageOption[]; policy: Policy } | { ok: false; problem: CrmProblem; policy: Policy };
export interface DraftResult {
  fields: ArtifactFields | null;
  baseValues: ArtifactFields | null;
  updatedAt: string | null;
}

export interface GateServices {
  snapshot(deal: DealRef): Promise<SnapshotResult>;
  stages(org: Pick<DealRef, 'crm' | 'instance'>): Promise<StagesResult>;
  saveFields(deal: DealRef, fields: ArtifactFields, expected: ArtifactFields): Promise<SaveResult>;
  override(deal: DealRef, reason: string, findings: Finding[], stageLabel: string): Promise<OverrideResult>;
  audit(deal: DealRef, event: GateEvent, findings: Finding[]): Promise<void>;
  draftGet(deal: DealRef): Promise<DraftResult>;
  draftSave(deal: DealRef, fields: ArtifactFields, baseValues: ArtifactFields): Promise<void>;
  outbox(deal: DealRef): Promise<OutboxSummary[]>;
  retryOutbox(deal: DealRef): Promise<OutboxSummary[]>;
}

const summary = (findings: Finding[]) => findings.map(({ rule, element, severity }) => ({ rule, element, severity }));

/** The services, over Baton's messages to the background. */
export const messageServices: GateServices = {
  snapshot: (deal) => sendMessage('deal/snapshot', { deal }),
  stages: (org) => sendMessage('org/stages', { crm: org.crm, instance: org.instance }),
  saveFields: (deal, fields, expected) => sendMessage('deal/save-fields', { deal, fields, expected }),
  override: (deal, reason, findings, stageLabel) => sendMessage('deal/override', { deal, reason, findings: findings.slice(0, 200), stageLabel }),
  audit: async (deal, event, findings) => {
    await sendMessage('audit/append', { deal, event, findings: summary(findings).slice(0, 500) });
  },
  draftGet: (deal) => sendMessage('draft/get', { deal }),
  draftSave: async (deal, fields, baseValues) => {
    await sendMessage('draft/save', { deal, fields, baseValues });
  },
  outbox: async (deal) => (await sendMessage('outbox/status', { deal })).items,
  retryOutbox: async (deal) => (await sendMessage('outbox/retry', { deal })).items,
};
