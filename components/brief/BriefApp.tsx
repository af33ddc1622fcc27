import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { DealRef } from '@/lib/domain/deal';
import { dealKey } from '@/lib/domain/deal';
import { parseArtifact } from '@/lib/domain/artifact';
import type { BatonActivity } from '@/lib/domain/activity';
import type { CachedDeal } from '@/lib/messaging/wire';
import { dealHeader, type DealHeader } from '@/lib/domain/header';
import type { CrmProblem } from '@/lib/domain/problem';
import { briefMarkdown } from '@/lib/brief/markdown';
import { dealFromUrl } from '@/lib/crms';
import { sendMessage } from '@/lib/messaging/client';
import { evaluateRaw } from '@/lib/rules';
import type { RulesConfig } from '@/lib/rules/config';
import type { RawArtifact } from '@/lib/domain/elements';
import { todayOf } from '@/lib/domain/clock';
import { dealContext } from '@/lib/rules/context';
import { OutboxList } from '@/components/ui/OutboxList';
import { Brief } from './Brief';
import { Acknowledge } from './Acknowledge';

/** How often an open, visible panel reads the deal again, so saves in the CRM show within seconds. */
const REFRESH_MS = 5000;

interface View {
  deal: DealHeader;
  artifact: RawArtifact;
  rules: RulesConfig;
  fetchedAt: string;
  /** live: just read from the CRM; cache: what Baton saved earlier (shown at once, or offline). */
  source: 'live' | 'cache';
  notice: string | null;
}

function age(iso: string, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86_400)} days ago`;
}

/** The deal the panel shows: ?deal=<page URL>, else the active tab (the panel follows it). */
function useTarget(): { deal: DealRef | null; pageUrl: string | null; pinned: boolean } {
  const pinnedUrl = useMemo(() => new URLSearchParams(location.search).get('deal'), []);
  const [pageUrl, setPageUrl] = useState<string | null>(pinnedUrl);
  useEffect(() => {
    if (pinnedUrl !== null) return;
    const own = browser.runtime.getURL('');
    const look = async () => {
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      if (active?.url && !active.url.startsWith(own)) {
        setPageUrl(active.url);
        return;
      }
      // Opened as a tab of its own (not in the side panel): the tab used last before it.
      const tabs = await browser.tabs.query({ currentWindow: true });
      const last = tabs.filter((t) => t.url && !t.url.startsWith(own)).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
      setPageUrl(last?.url ?? null);
    };
    void look();
    const onActivated = () => void look();
    const onUpdated = (_id: number, change: { url?: string; status?: string }) => {
      if (change.url || change.status === 'complete') void look();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.windows?.onFocusChanged.addListener(onActivated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.windows?.onFocusChanged.removeListener(onActivated);
    };
  }, [pinnedUrl]);
  return { deal: dealFromUrl(pageUrl), pageUrl, pinned: pinnedUrl !== null };
}

function fromCache(s: CachedDeal, rules: RulesConfig): View {
  return {
    deal: s.header,
    artifact: s.artifact,
    rules,
    fetchedAt: s.fetchedAt,
    source: 'cache',
    notice: null,
  };
}

export function BriefApp() {
  const { deal, pageUrl, pinned } = useTarget();
  const [view, setView] = useState<View | null>(null);
  const [problem, setProblem] = useState<CrmProblem | null>(null);
  const [activities, setActivities] = useState<BatonActivity[]>([]);
  const [copied, setCopied] = useState<string | null>(null);
  const [recent, setRecent] = useState<CachedDeal[]>([]);
  const key = deal ? dealKey(deal) : null;
  // The deal on screen now: an answer about an earlier deal (the tab moved on) is dropped.
  const shown = useRef<string | null>(key);
  shown.current = key;

  const refresh = useCallback(async (target: DealRef, withActivities: boolean) => {
    const still = () => shown.current === dealKey(target);
    const fresh = await sendMessage('deal/snapshot', { deal: target }).catch((e: Error) => ({ ok: false as const, problem: { kind: 'network' as const, message: e.message } }));
    if (!still()) return;
    if (fresh.ok) {
      const s = fresh.snapshot;
      setView({
        deal: dealHeader(s),
        artifact: s.artifact,
        rules: fresh.policy.rules,
        fetchedAt: s.fetchedAt,
        source: 'live',
        notice: s.notice,
      });
      setProblem(null);
    } else {
      setProblem(fresh.problem);
      setView((v) => (v ? { ...v, source: 'cache' } : v));
    }
    // Baton's own activities change only when someone acknowledges: read at load and after that.
    if (!withActivities) return;
    const acts = await sendMessage('deal/activities', { deal: target }).catch(() => null);
    if (still() && acts?.ok) setActivities(acts.activities);
  }, []);

  useEffect(() => {
    setView(null);
    setProblem(null);
    setActivities([]);
    if (!deal) {
      void sendMessage('deals/recent', { limit: 10 }).then((r) => setRecent(r.deals), () => setRecent([]));
      return;
    }
    let alive = true;
    void (async () => {
      // What Baton saved last, at once; then the CRM's current state.
      const [cached, settings] = await Promise.all([sendMessage('deal/cached', { deal }), sendMessage('settings/get', {})]);
      const last = cached.snapshot;
      if (alive && last) setView((v) => v ?? fromCache(last, settings.settings.rules));
      if (alive) await refresh(deal, true);
    })();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh(deal, false);
    }, REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
    // The deal's key says when it changed; the object itself is new on every render.
    // So `deal` stays out of the list: `key` stands for it.
  }, [key, refresh]);

  const parsed = useMemo(() => (view ? parseArtifact(view.artifact) : null), [view]);
  const evaluation = useMemo(() => {
    if (!view) return null;
    return evaluateRaw(view.artifact, dealContext(view.deal, view.deal.stage, todayOf()), view.rules);
  }, [view]);
  // Deleted records come back too (Salesforce's recycle bin): the brief shows the latest that still exists.
  const acknowledgement = activities.find((a) => a.kind === 'acknowledgement' && a.deleted === null) ?? null;

  if (!deal) {
    return (
      <main className="panel">
        <h1>Baton: CS brief</h1>
        <p role="status">{pageUrl ? 'This page is not a Salesforce opportunity or a HubSpot deal.' : 'Open a Salesforce opportunity or a HubSpot deal to see its handoff brief.'}</p>
        <OutboxList />
        <section aria-labelledby="recent-h">
          <h2 id="recent-h">Recently viewed deals</h2>
          {recent.length === 0 ? (
            <p>None yet.</p>
          ) : (
            <ul className="recent">
              {recent.map((s) => (
                <li key={s.dealKey}>
                  <a href={`?deal=${encodeURIComponent(s.header.url)}`}>{s.header.name || s.header.deal.recordId}</a> <span className="muted">{s.header.stage} · {age(s.fetchedAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    );
  }

  const copy = async () => {
    if (!view || !parsed || !evaluation) return;
    try {
      await navigator.clipboard.writeText(briefMarkdown(view.deal, parsed, evaluation, acknowledgement));
      setCopied('Copied the brief as Markdown.');
    } catch (error) {
      setCopied(`Could not copy: ${(error as Error).message}`);
    }
  };

  return (
    <main className="panel">
      <div className="toolbar no-print">
        <button type="button" onClick={() => void copy()} disabled={!view}>
          Copy as Markdown
        </button>
        <button type="button" onClick={() => window.print()} disabled={!view}>
          Print
        </button>
        {pinned && <span className="muted">Pinned to this deal</span>}
        <a href="console.html" target="_blank" rel="noopener">
          Manager console
        </a>
      </div>
      <p role="status" className="muted freshness">
        {view ? `${view.source === 'live' ? 'Live from the CRM' : 'Saved by Baton'}, as of ${age(view.fetchedAt)}` : problem ? '' : 'Reading the deal…'}
        {copied ? ` · ${copied}` : ''}
      </p>
      {problem && (
        <p role="alert" className="notice">
          {view ? `Offline or unreachable: showing what Baton saved ${age(view.fetchedAt)}. ` : ''}
          {problem.message}
        </p>
      )}
      {view?.notice && <p className="notice">{view.notice}</p>}
      <OutboxList />
      {view && parsed && evaluation && (
        <>
          <Brief deal={view.deal} parsed={parsed} evaluation={evaluation} />
          <Acknowledge deal={deal} latest={acknowledgement} onDone={() => void refresh(deal, true)} />
        </>
      )}
    </main>
  );
}
