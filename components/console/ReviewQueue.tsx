import { useState } from 'react';
import { parseArtifact } from '@/lib/domain/artifact';
import { REVIEW_RUBRIC, REVIEW_RUBRIC_LABELS, REVIEW_VERDICT_LABELS, ReviewVerdict, type ReviewRubric } from '@/lib/domain/activity';
import { drawSample, newSeed } from '@/lib/console/sample';
import { EMPTY_REVIEW_DRAFT, saveQueue, type ReviewDraft, type ReviewQueue as Queue } from '@/lib/console/queue';
import { CRM_LABELS, CRMS } from '@/lib/crms';
import type { ConsoleRow } from '@/lib/console/rows';
import { sendMessage } from '@/lib/messaging/client';
import { Brief } from '@/components/brief/Brief';
import { openBrief } from './openBrief';

interface Props {
  /** The deals of the current view: the sample is drawn from these. */
  rows: readonly ConsoleRow[];
  /** Every loaded deal by key: a queue outlives a change of filters. */
  byKey: ReadonlyMap<string, ConsoleRow>;
  queue: Queue | null;
  onQueue(queue: Queue | null): void;
  onReviewed(key: string): void;
}

function complete(draft: ReviewDraft): draft is ReviewDraft & { rubric: ReviewRubric; verdict: ReviewVerdict } {
  return REVIEW_RUBRIC.every((k) => draft.rubric[k] !== null) && draft.verdict !== null;
}

export function ReviewQueue({ rows, byKey, queue, onQueue, onReviewed }: Props) {
  const [size, setSize] = useState(10);
  const [seedText, setSeedText] = useState('');
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const update = (next: Queue | null) => {
    onQueue(next);
    void saveQueue(next).catch((e: unknown) => setStatus({ tone: 'error', text: `The queue could not be kept: ${(e as Error).message}` }));
  };

  const sample = () => {
    const seed = /^\d+$/.test(seedText.trim()) && Number(seedText) <= 0xffffffff ? Number(seedText) : newSeed();
    const drawn = drawSample(rows, size, seed);
    setSeedText(String(seed));
    setStatus(null);
    update({ seed, keys: drawn.map((r) => r.key), position: 0, done: [], drafts: {}, createdAt: new Date().toISOString() });
  };

  const key = queue?.keys[queue.position];
  const row = key ? byKey.get(key) : undefined;
  const draft = (key && queue?.drafts[key]) || EMPTY_REVIEW_DRAFT;

  const setDraft = (next: ReviewDraft) => {
    if (!queue || !key) return;
    update({ ...queue, drafts: { ...queue.drafts, [key]: next } });
  };
  const go = (position: number) => {
    if (!queue) return;
    setStatus(null);
    update({ ...queue, position: Math.min(queue.keys.length - 1, Math.max(0, position)) });
  };

  const save = async () => {
    if (!queue || !key || !row) return;
    if (!complete(draft)) {
      setStatus({ tone: 'error', text: 'Score all four criteria and choose a verdict before saving.' });
      return;
    }
    setBusy(true);
    try {
      const answer = await sendMessage('deal/review', { deal: row.deal, rubric: draft.rubric, verdict: draft.verdict, comment: draft.comment, sample: { seed: queue.seed } });
      if (answer.recorded === 'failed') {
        setStatus({ tone: 'error', text: `Not saved: ${answer.problem?.message ?? 'the CRM refused it'}. What you wrote is kept.` });
        return;
      }
      onReviewed(key);
      const { [key]: _saved, ...drafts } = queue.drafts;
      const done = [...new Set([...queue.done, key])];
      const nextOpen = queue.keys.findIndex((k, i) => i > queue.position && !done.includes(k));
      update({ ...queue, drafts, done, position: nextOpen === -1 ? queue.position : nextOpen });
      setStatus({
        tone: 'ok',
        text: answer.recorded === 'crm' ? `Review of ${row.name} saved to ${CRMS[row.crm].label} (${CRMS[row.crm].activityNoun}).` : `Review of ${row.name} saved here; it goes to the CRM when it answers again (${answer.problem?.message ?? ''}).`,
      });
    } catch (e) {
      setStatus({ tone: 'error', text: `Not saved: ${(e as Error).message}. What you wrote is kept.` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="review-title" className="review">
      <h2 id="review-title">Spot-check</h2>
      <div className="toolbar">
        <label>
          Sample size
          <input type="number" min={1} max={100} value={size} onChange={(e) => setSize(Math.min(100, Math.max(1, Math.round(Number(e.target.value) || 1))))} />
        </label>
        <label>
          Seed (empty: a new one)
          <input inputMode="numeric" value={seedText} onChange={(e) => setSeedText(e.target.value)} />
        </label>
        <button type="button" className="primary" disabled={rows.length === 0} onClick={sample}>
          Sample {size} for review
        </button>
        {queue && (
          <button type="button" onClick={() => update(null)}>
            End this spot-check
          </button>
        )}
      </div>
      <p className="muted">Drawn from the {rows.length} deals in the current view, weighted toward low scores and overrides. The same seed over the same deals draws the same sample.</p>
      {queue && (
        <>
          <p role="status" aria-live="polite">
            Reviewed {queue.done.length} of {queue.keys.length} · seed {queue.seed}
          </p>
          <ol className="queue" aria-label="Sampled deals">
            {queue.keys.map((k, i) => (
              <li key={k}>
                <button type="button" className="link" aria-current={i === queue.position ? 'step' : undefined} onClick={() => go(i)}>
                  {byKey.get(k)?.name ?? k}
                </button>
                {queue.done.includes(k) ? ' ✓ reviewed' : ''}
              </li>
            ))}
          </ol>
          {key && !row && <p className="notice">This deal is not in the deals loaded now (another period?). Its key: {key}</p>}
          {row && (
            <div className="walk">
              <div className="toolbar">
                <button type="button" disabled={queue.position === 0} onClick={() => go(queue.position - 1)}>
                  Previous deal
                </button>
                <span>
                  Deal {queue.position + 1} of {queue.keys.length}
                </span>
                <button type="button" disabled={queue.position >= queue.keys.length - 1} onClick={() => go(queue.position + 1)}>
                  Next deal
                </button>
                <a href={row.url} target="_blank" rel="noreferrer noopener">
                  Open in {CRM_LABELS[row.crm]}
                </a>
                <button type="button" className="link" onClick={() => openBrief(row.url)}>
                  Open in the side panel
                </button>
              </div>
              <Brief deal={row} parsed={parseArtifact(row.team.artifact)} evaluation={row.evaluation} />
              <form className="rubric" aria-label={`Review of ${row.name}`} onSubmit={(e) => { e.preventDefault(); void save(); }}>
                {REVIEW_RUBRIC.map((criterion) => (
                  <fieldset key={criterion}>
                    <legend>{REVIEW_RUBRIC_LABELS[criterion]}</legend>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <label key={n} className="choice">
                        <input type="radio" name={criterion} value={n} checked={draft.rubric[criterion] === n} onChange={() => setDraft({ ...draft, rubric: { ...draft.rubric, [criterion]: n } })} />
                        {n}
                      </label>
                    ))}
                  </fieldset>
                ))}
                <fieldset>
                  <legend>Verdict</legend>
                  {ReviewVerdict.options.map((v) => (
                    <label key={v} className="choice">
                      <input type="radio" name="verdict" value={v} checked={draft.verdict === v} onChange={() => setDraft({ ...draft, verdict: v })} />
                      {REVIEW_VERDICT_LABELS[v]}
                    </label>
                  ))}
                </fieldset>
                <label className="comment">
                  Comment
                  <textarea value={draft.comment} maxLength={5000} rows={3} onChange={(e) => setDraft({ ...draft, comment: e.target.value })} />
                </label>
                <button type="submit" className="primary" disabled={busy}>
                  {busy ? 'Saving…' : 'Save review'}
                </button>
                {status && (
                  <p role={status.tone === 'error' ? 'alert' : 'status'} className={status.tone}>
                    {status.text}
                  </p>
                )}
              </form>
            </div>
          )}
        </>
      )}
    </section>
  );
}
