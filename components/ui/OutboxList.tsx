/**
 * What Baton holds on this computer that is not in the CRM yet: close-anyway records,
 * acknowledgements, reviews, field changes, each with where it stands in words (waiting for a
 * sign-in, retried at a time, failed and why) and Retry. Shown in the side panel and the
 * console; nothing at all while the outbox is empty.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { CRM_LABELS } from '@/lib/crms';
import { sendMessage } from '@/lib/messaging/client';
import { OUTBOX_KIND_LABELS, outboxStateText } from '@/lib/messaging/outboxText';
import type { OutboxEntry } from '@/lib/messaging/protocol';

/** How often an open, visible page reads the outbox again (items leave it as the CRM takes them). */
const REFRESH_MS = 5000;

interface Listing {
  items: OutboxEntry[];
  invalid: number;
}

function dealName(item: OutboxEntry): string {
  return item.dealName ?? `${CRM_LABELS[item.deal.crm]} deal ${item.deal.recordId}`;
}

export function OutboxList() {
  const id = useId();
  const [listing, setListing] = useState<Listing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async (ask: () => Promise<Listing> = () => sendMessage('outbox/list', {})) => {
    try {
      setListing(await ask());
      setProblem(null);
    } catch (error) {
      setProblem(`Baton could not read what waits to be written to the CRM: ${(error as Error).message}`);
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const retry = async (itemId: number) => {
    setBusy(true);
    await load(() => sendMessage('outbox/retry-item', { id: itemId }));
    setBusy(false);
  };

  if (problem) return <p role="alert" className="error">{problem}</p>;
  if (!listing || (listing.items.length === 0 && listing.invalid === 0)) return null;
  return (
    <section aria-labelledby={`${id}-h`} className="outbox">
      <h2 id={`${id}-h`}>Not in the CRM yet</h2>
      <p className="muted">Kept by Baton on this computer until the CRM takes them.</p>
      <ul>
        {listing.items.map((item) => (
          <li key={item.id} className={item.status}>
            <strong>{OUTBOX_KIND_LABELS[item.kind]}</strong> on{' '}
            {item.dealUrl ? (
              <a href={item.dealUrl} target="_blank" rel="noreferrer">
                {dealName(item)}
              </a>
            ) : (
              dealName(item)
            )}{' '}
            <span className="muted">
              ({CRM_LABELS[item.deal.crm]}, {new Date(item.createdAt).toLocaleString()})
            </span>
            <span className="state"> {outboxStateText(item)}</span>{' '}
            {item.status !== 'in-flight' && (
              <button type="button" disabled={busy} aria-label={`Retry: ${OUTBOX_KIND_LABELS[item.kind]} on ${dealName(item)}`} onClick={() => void retry(item.id)}>
                Retry
              </button>
            )}
          </li>
        ))}
      </ul>
      {listing.invalid > 0 && (
        <p className="error">
          {listing.invalid} queued {listing.invalid === 1 ? 'item is' : 'items are'} unreadable and cannot be sent; Baton keeps {listing.invalid === 1 ? 'it' : 'them'} as {listing.invalid === 1 ? 'it is' : 'they are'}.
        </p>
      )}
    </section>
  );
}
