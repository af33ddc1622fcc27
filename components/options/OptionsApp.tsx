import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { readSettings, watchSettings, writeSettings, type SettingsState } from '@/lib/settings/store';
import type { Settings } from '@/lib/settings/schema';
import { draftErrors, setAt, type Path } from './draft';
import { GeneralSection } from './GeneralSection';
import { MappingsSection } from './MappingsSection';
import { RulesSection } from './RulesSection';
import { AuditSection } from './AuditSection';
import { TransferSection } from './TransferSection';
import { EnforcementSection } from './EnforcementSection';
import { HubSpotConnection } from './HubSpotConnection';
import { ProblemsBanner } from './ProblemsBanner';
import { pathLabel } from './pathLabels';

const LOCKED = 'Locked by your administrator.';

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'invalid'; messages: string[] } | { kind: 'imported' };

export function OptionsApp() {
  const [state, setState] = useState<SettingsState | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const summaryRef = useRef<HTMLDivElement>(null);

  const reload = useCallback(async (replaceDraft: boolean) => {
    const next = await readSettings();
    setState(next);
    if (replaceDraft) setDraft(next.settings);
  }, []);

  useEffect(() => {
    void reload(true);
    // Another tab or the administrator changed settings: refresh what is in force, keep unsaved edits.
    return watchSettings(() => void reload(false));
  }, [reload]);

  const errors = useMemo(() => (draft ? draftErrors(draft) : new Map<string, string>()), [draft]);
  const locked = useMemo(() => new Set(state?.locked ?? []), [state]);
  const lockedReason = useCallback((path: Path) => (locked.has(path.join('.')) ? LOCKED : undefined), [locked]);

  if (!state || !draft) return <p role="status">Loading settings…</p>;

  const update = (path: Path, value: unknown) => {
    setDraft((d) => (d ? setAt(d, path, value) : d));
    setDirty(true);
    setStatus({ kind: 'idle' });
  };

  const save = async () => {
    const result = await writeSettings(draft);
    if (result.ok) {
      setDirty(false);
      setStatus({ kind: 'saved' });
      await reload(true);
    } else {
      setStatus({
        kind: 'invalid',
        messages: result.issues.map((i) => `${pathLabel(i.path)}: ${draftErrors(draft).get(i.path) ?? i.message}`),
      });
      summaryRef.current?.focus();
    }
  };

  const applyImport = (settings: Settings) => {
    setDraft(settings);
    setDirty(true);
    setStatus({ kind: 'imported' });
  };

  return (
    <main>
      <header>
        <h1>Baton settings</h1>
        <p>How Baton checks the sales-to-CS handoff on your deals.</p>
        <p>
          <a href="console.html" target="_blank" rel="noopener">
            Open the manager console
          </a>{' '}
          to spot-check handoffs across the team.
        </p>
      </header>
      <ProblemsBanner problems={state.problems} />
      {state.locked.length > 0 && (
        <p className="notice">Your administrator manages {state.locked.length} of these settings; they cannot be changed here.</p>
      )}
      <form
        aria-label="Baton settings"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <GeneralSection draft={draft} errors={errors} lockedReason={lockedReason} update={update} />
        <MappingsSection draft={draft} errors={errors} lockedReason={lockedReason} update={update} />
        <RulesSection draft={draft} errors={errors} lockedReason={lockedReason} update={update} />
        <AuditSection draft={draft} errors={errors} lockedReason={lockedReason} update={update} />
        <div className="actions">
          <button type="submit">Save settings</button>
          <span className="dirty" aria-live="polite">
            {dirty ? 'Unsaved changes' : ''}
          </span>
        </div>
        <div ref={summaryRef} tabIndex={-1}>
          {status.kind === 'invalid' && (
            <div role="alert" className="error-summary">
              <p>Nothing was saved. Fix {status.messages.length === 1 ? 'this problem' : 'these problems'} first:</p>
              <ul>
                {status.messages.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <p role="status" className="status">
          {status.kind === 'saved' && 'Settings saved.'}
          {status.kind === 'imported' && 'Imported. Review the values, then save them.'}
        </p>
      </form>
      <HubSpotConnection oauthClientId={state.settings.hubspot.oauthClientId} />
      <TransferSection current={state.settings} draft={draft} onImport={applyImport} />
      <EnforcementSection settings={state.settings} dirty={dirty} />
    </main>
  );
}
