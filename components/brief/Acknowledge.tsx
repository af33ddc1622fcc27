import { useId, useState } from 'react';
import { ACK_RUBRIC, ACK_RUBRIC_LABELS, ackRating, type AckRubric, type BatonActivity } from '@/lib/domain/activity';
import type { DealRef } from '@/lib/domain/deal';
import { sendMessage } from '@/lib/messaging/client';

/** The CSM's acknowledgement of the handoff: a 1–5 score per rubric line and a comment, written to the CRM. */
export function Acknowledge({ deal, latest, onDone }: { deal: DealRef; latest: BatonActivity | null; onDone(): void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [rubric, setRubric] = useState<Partial<AckRubric>>({});
  const [comment, setComment] = useState('');
  const [status, setStatus] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const complete = ACK_RUBRIC.every((k) => rubric[k] !== undefined);

  const submit = async () => {
    if (!complete) {
      setStatus({ tone: 'error', text: 'Score each line of the rubric from 1 to 5.' });
      return;
    }
    setBusy(true);
    try {
      const result = await sendMessage('deal/acknowledge', { deal, rubric: rubric as AckRubric, comment });
      if (result.recorded === 'failed') {
        // The form stays open with the scores and comment, to try again once the cause is fixed.
        setStatus({ tone: 'error', text: `Not recorded in the CRM: ${result.problem?.message ?? 'unknown error'}` });
        return;
      }
      const rating = result.ratingField === 'written' ? ', rating field updated' : result.ratingField === 'failed' ? '; the rating field could not be written (see the options page mapping)' : '';
      setStatus(
        result.recorded === 'crm'
          ? { tone: 'info', text: `Acknowledged and recorded in the CRM${rating}.` }
          : { tone: 'error', text: `Saved in Baton; the CRM is not reachable (${result.problem?.message ?? 'unknown'}) and gets it as soon as it is.` },
      );
      setOpen(false);
      onDone();
    } catch (error) {
      setStatus({ tone: 'error', text: `Not recorded: ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-h`} className="ack">
      <h2 id={`${id}-h`}>CS acknowledgement</h2>
      {latest ? (
        <div className="latest">
          <p>
            <strong>{latest.subject}</strong>
            {latest.author?.name ? ` — ${latest.author.name}` : ''}, {latest.at.slice(0, 10)}
          </p>
          <p className="text">{latest.body}</p>
        </div>
      ) : (
        <p>Not acknowledged yet.</p>
      )}
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          Acknowledge handoff
        </button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {ACK_RUBRIC.map((k) => (
            <fieldset key={k} className="rating">
              <legend>{ACK_RUBRIC_LABELS[k]}</legend>
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n}>
                  <input type="radio" name={`${id}-${k}`} value={n} checked={rubric[k] === n} onChange={() => setRubric((r) => ({ ...r, [k]: n }))} />
                  {n}
                </label>
              ))}
            </fieldset>
          ))}
          <label htmlFor={`${id}-comment`}>Comment</label>
          <textarea id={`${id}-comment`} rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
          {complete && <p>Overall rating: {ackRating(rubric as AckRubric)}/5</p>}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              Record acknowledgement
            </button>
            <button type="button" disabled={busy} onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {status && (
        <p role={status.tone === 'error' ? 'alert' : 'status'} className={status.tone}>
          {status.text}
        </p>
      )}
    </section>
  );
}
