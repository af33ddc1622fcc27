import { useEffect, useId, useRef, useState } from 'react';
import { isHandoffReady } from '@/lib/gate/readiness';
import type { GateController } from '@/lib/gate/controller';
import { readinessPhrase, readinessText } from '@/lib/rules/readiness';
import { FindingList } from './Findings';
import { useStore } from './useStore';

const TOP_FINDINGS = 3;

/** The readiness badge beside the stage Path. Its accessible name starts with "Handoff". */
export function ReadinessBadge({ controller }: { controller: GateController }) {
  const readiness = useStore(controller.readiness);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  // The details sit in the page's flow (never over its controls) and close with Escape or the badge.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && root.current && e.composedPath().includes(root.current)) setOpen(false);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);
  if (readiness.kind === 'idle') return null;

  let text: string;
  let label: string;
  let tone: 'ok' | 'bad' | 'wait';
  if (readiness.kind === 'loading') {
    text = 'Handoff: checking…';
    label = text;
    tone = 'wait';
  } else if (readiness.kind === 'failed') {
    text = 'Handoff: unavailable';
    label = `${text}: Baton could not read this deal`;
    tone = 'bad';
  } else {
    const { evaluation } = readiness;
    text = `Handoff ${readinessText(evaluation)} · ${evaluation.score}`;
    // The visible text comes first in the name (WCAG 2.5.3, label in name): speech users say what they see.
    label = `${text}: ${readinessPhrase(evaluation)}, score ${evaluation.score}${isHandoffReady(evaluation) ? ', ready to close' : ''}`;
    tone = isHandoffReady(evaluation) ? 'ok' : 'bad';
  }

  return (
    <div className="baton-badge" ref={root}>
      <button
        type="button"
        className={`badge ${tone}`}
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {text}
      </button>
      <div id={panelId} className="badge-panel" role="region" aria-label="Handoff details" hidden={!open}>
        {readiness.kind === 'ready' && (
          <>
            {readiness.snapshot.notice && <p className="notice">{readiness.snapshot.notice}</p>}
            {readiness.evaluation.findings.length === 0 ? (
              <p>The handoff is complete.</p>
            ) : (
              <>
                <p>
                  {readiness.evaluation.findings.length} {readiness.evaluation.findings.length === 1 ? 'finding' : 'findings'}; the most important:
                </p>
                <FindingList findings={topFindings(readiness.evaluation.findings)} />
              </>
            )}
          </>
        )}
        {readiness.kind === 'failed' && <p>{readiness.problem.message}</p>}
        {readiness.kind === 'loading' && <p>Reading the deal…</p>}
      </div>
    </div>
  );
}

function topFindings<T extends { severity: string }>(findings: readonly T[]): T[] {
  const rank = { block: 0, warn: 1, info: 2 } as Record<string, number>;
  return [...findings].sort((a, b) => (rank[a.severity] ?? 3) - (rank[b.severity] ?? 3)).slice(0, TOP_FINDINGS);
}
