/**
 * Loads the console's deals: the connected CRMs, then each one's deals in parallel. A source that
 * fails (expired session, no token) is reported on its own line and never blanks the others.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Crm } from '@/lib/domain/deal';
import type { TeamDeal, TeamQuery } from '@/lib/domain/team';
import type { CrmProblem } from '@/lib/domain/problem';
import type { RulesConfig } from '@/lib/rules/config';
import type { AuditPolicy } from '@/lib/domain/authorship';
import { sendMessage } from '@/lib/messaging/client';

export type SourceState =
  | { crm: Crm; instance: string | null; status: 'loading' }
  | { crm: Crm; instance: string | null; status: 'ok'; count: number; partial: string | null }
  | { crm: Crm; instance: string | null; status: 'failed'; problem: CrmProblem };

export interface TeamData {
  deals: TeamDeal[];
  sources: SourceState[];
  rules: RulesConfig | null;
  /** Whose acknowledgements and reviews count (the settings in force). */
  audit: AuditPolicy | null;
  reviewedLocally: Set<string>;
  loading: boolean;
  /** A failure of Baton itself (the background did not answer). */
  error: string | null;
  reload(): void;
  markReviewed(key: string): void;
}

export function useTeamData(query: TeamQuery): TeamData {
  const [deals, setDeals] = useState<TeamDeal[]>([]);
  const [sources, setSources] = useState<SourceState[]>([]);
  const [rules, setRules] = useState<RulesConfig | null>(null);
  const [audit, setAudit] = useState<AuditPolicy | null>(null);
  const [reviewedLocally, setReviewed] = useState<Set<string>>(new Set());
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const current = useRef(0);

  useEffect(() => {
    const mine = ++current.current;
    const stillMine = () => current.current === mine;
    setLoading(true);
    setError(null);
    void (async () => {
      try {
        const [{ settings }, { sources: found }, { reviews }] = await Promise.all([
          sendMessage('settings/get', {}),
          sendMessage('team/sources', {}),
          sendMessage('reviews/list', {}),
        ]);
        if (!stillMine()) return;
        setRules(settings.rules);
        setAudit(settings.audit);
        setReviewed(new Set(reviews.map((r) => r.dealKey)));
        setSources(found.map(({ crm, instance, problem }) => (problem ? { crm, instance, status: 'failed', problem } : { crm, instance, status: 'loading' })));
        setDeals([]);
        await Promise.all(
          found.map(async (source, index) => {
            if (source.instance === null || source.problem) return;
            const instance = source.instance;
            let next: SourceState;
            try {
              const answer = await sendMessage('team/deals', { crm: source.crm, instance, query });
              if (!stillMine()) return;
              if (answer.ok) {
                setDeals((all) => [...all, ...answer.deals]);
                next = { crm: source.crm, instance, status: 'ok', count: answer.deals.length, partial: answer.partial };
              } else next = { crm: source.crm, instance, status: 'failed', problem: answer.problem };
            } catch (e) {
              next = { crm: source.crm, instance, status: 'failed', problem: { kind: 'bad-response', message: (e as Error).message } };
            }
            if (stillMine()) setSources((all) => all.map((s, i) => (i === index ? next : s)));
          }),
        );
      } catch (e) {
        if (stillMine()) setError(`Baton could not load the console: ${(e as Error).message}`);
      } finally {
        if (stillMine()) setLoading(false);
      }
    })();
  }, [query.closedSince, query.closedUntil, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const markReviewed = useCallback((key: string) => setReviewed((s) => new Set([...s, key])), []);
  return { deals, sources, rules, audit, reviewedLocally, loading, error, reload, markReviewed };
}
