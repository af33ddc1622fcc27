import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging/client';
import type { HubSpotStatus } from '@/lib/messaging/protocol';

/**
 * Connecting HubSpot. The token goes to the background in one message, is checked there with
 * test calls, and is kept in the extension's own storage; this page never gets it back (only
 * its last four characters, so the user can tell which one is in use).
 */
export function HubSpotConnection({ oauthClientId }: { oauthClientId: string | null }) {
  const tokenId = useId();
  const [status, setStatus] = useState<HubSpotStatus | null>(null);
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void sendMessage('hubspot/status', {}).then(setStatus, (e: Error) => setError(e.message));
  }, []);

  const connect = async (request: { method: 'private-app'; token: string } | { method: 'oauth' }) => {
    setBusy(true);
    setError(null);
    try {
      const result = await sendMessage('hubspot/connect', request);
      if (result.ok) {
        setStatus(result.status);
        setToken('');
      } else {
        setError(result.problem.message);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const signIn = async () => {
    // Asked here, in the click: the browser only grants optional permissions on a user gesture.
    // Where the manifest has identity as a plain permission (Firefox cannot make it optional),
    // there is nothing to ask.
    const optional = (browser.runtime.getManifest().optional_permissions as string[] | undefined)?.includes('identity') ?? false;
    const granted = !optional || (await browser.permissions.request({ permissions: ['identity'] }).catch(() => false));
    if (!granted) {
      setError('HubSpot sign-in needs the “identity” permission, which was not granted.');
      return;
    }
    await connect({ method: 'oauth' });
  };

  const disconnect = async () => {
    setBusy(true);
    try {
      setStatus(await sendMessage('hubspot/disconnect', {}));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="hubspot-connection-heading">
      <h2 id="hubspot-connection-heading">HubSpot connection</h2>
      {status === null ? (
        <p role="status">Checking the HubSpot connection…</p>
      ) : status.connected ? (
        <div className="actions">
          <p role="status">
            Connected to HubSpot portal {status.portalId} ({status.uiDomain}) with {status.method === 'oauth' ? 'OAuth' : 'a private app token or service key'} ending in …{status.tokenHint}.
          </p>
          <button type="button" disabled={busy} onClick={() => void disconnect()}>
            Disconnect HubSpot
          </button>
        </div>
      ) : (
        <>
          <p role="status">HubSpot is not connected. Baton reads HubSpot deals only after you connect it.</p>
          <div className="field">
            <label htmlFor={tokenId}>Private app access token or service key</label>
            <input
              id={tokenId}
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={token}
              aria-describedby={`${tokenId}-hint`}
              onChange={(e) => setToken(e.target.value)}
            />
            <p className="hint" id={`${tokenId}-hint`}>
              Scopes needed: crm.objects.deals.read, crm.objects.deals.write, crm.schemas.deals.read. Baton checks the token with HubSpot before keeping it.
            </p>
          </div>
          <div className="actions">
            <button type="button" disabled={busy || token.trim() === ''} onClick={() => void connect({ method: 'private-app', token })}>
              Connect HubSpot
            </button>
            <button type="button" disabled={busy || oauthClientId === null} onClick={() => void signIn()}>
              Sign in with HubSpot (OAuth)
            </button>
          </div>
        </>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
