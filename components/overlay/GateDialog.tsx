import { useEffect, useId, useRef, useState } from 'react';
import { ELEMENT_KEYS, ELEMENT_LABELS, isNonNegotiable, type ElementKey } from '@/lib/domain/elements';
import { GateController } from '@/lib/gate/controller';
import type { BulkDialog, FailedDialog, GateDialog as GateState, RecordedLocallyDialog } from '@/lib/gate/dialogState';
import { readinessText } from '@/lib/rules/readiness';
import { CreateForm } from './CreateForm';
import { FindingList } from './Findings';
import { useStore } from './useStore';

/** "Checking…" appears only when the check takes longer than this, so fast checks do not flash. */
const CHECKING_VISIBLE_AFTER_MS = 250;

/**
 * The handoff dialog: a native modal <dialog> (focus stays inside, the page behind is inert,
 * Esc cancels). Its accessible name always contains "handoff".
 */
export function GateDialogHost({ controller }: { controller: GateController }) {
  const state = useStore(controller.dialog);
  const ref = useRef<HTMLDialogElement>(null);
  const [checkingVisible, setCheckingVisible] = useState(false);
  const checking = state?.kind === 'checking' || (state?.kind === 'create' && state.evaluation === null && state.problem === null);
  const open = state !== null && (!checking || checkingVisible);

  useEffect(() => {
    if (!checking) {
      setCheckingVisible(false);
      return;
    }
    const timer = setTimeout(() => setCheckingVisible(true), CHECKING_VISIBLE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [checking]);

  // The controller clears the dialog and then lets the move through (a replayed click, key or
  // drag). The modal must be gone by then, or the replay lands on a page the modal keeps inert:
  // closing it in the effect below, after React's next commit, was too late.
  useEffect(() => {
    const unsubscribe = controller.dialog.subscribe(() => {
      if (controller.dialog.get() === null && ref.current?.open) ref.current.close();
    });
    return () => {
      unsubscribe();
    };
  }, [controller]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // showModal focuses the first focusable element; the rep should land on what blocks.
      dialog.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="baton-dialog"
      aria-labelledby="baton-dialog-title"
      onCancel={(e) => {
        e.preventDefault(); // Esc: cancel through the controller, which records it
        if (state?.kind !== 'checking' && !(state && 'busy' in state && state.busy)) controller.cancel();
      }}
    >
      {state?.kind === 'checking' && (
        <div className="body" role="status">
          <h2 id="baton-dialog-title">Checking the handoff…</h2>
          <p>Baton is reading this deal from the CRM.</p>
        </div>
      )}
      {state?.kind === 'gate' && <GateForm controller={controller} state={state} />}
      {state?.kind === 'failed' && <FailSafe controller={controller} state={state} />}
      {state?.kind === 'bulk' && <BulkForm controller={controller} state={state} />}
      {state?.kind === 'create' && <CreateForm controller={controller} state={state} />}
      {state?.kind === 'recorded-locally' && <RecordedLocally controller={controller} state={state} />}
    </dialog>
  );
}

function Override({ controller, state }: { controller: GateController; state: GateState | FailedDialog | BulkDialog }) {
  const reasonId = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (state.overriding) reasonRef.current?.focus();
  }, [state.overriding]);
  if (!state.overriding) return null;
  return (
    <div className="override">
      <label htmlFor={reasonId}>Reason</label>
      <p className="hint" id={`${reasonId}-hint`}>
        Why close without a complete handoff? This is recorded on the deal for your manager and CS.
      </p>
      <textarea
        id={reasonId}
        ref={reasonRef}
        rows={3}
        value={state.reason}
        aria-describedby={`${reasonId}-hint`}
        onChange={(e) => controller.setReason(e.target.value)}
      />
    </div>
  );
}

function NoteLine({ state }: { state: { note: { tone: string; text: string } | null } }) {
  return (
    <p className={`note ${state.note?.tone ?? ''}`} role={state.note?.tone === 'error' ? 'alert' : 'status'}>
      {state.note?.text ?? ''}
    </p>
  );
}

function GateForm({ controller, state }: { controller: GateController; state: GateState }) {
  const formId = useId();
  const { evaluation, mode, snapshot } = state;
  const writable = GateController.writableElements(snapshot);
  const blocking = evaluation.findings.filter((f) => f.severity === 'block');
  const firstField = useRef<HTMLTextAreaElement | null>(null);
  useEffect(() => {
    firstField.current?.focus();
    // Focus once when the dialog opens, not on every keystroke.
    // The list is empty and still complete: the effect reads only a ref.
  }, []);
  const firstBlocking = ELEMENT_KEYS.find((k) => blocking.some((f) => f.element === k) && writable.has(k)) ?? ELEMENT_KEYS.find((k) => writable.has(k));
  const issueOf = (k: ElementKey) => snapshot.fieldIssues.find((i) => i.element === k);

  return (
    <form
      className="body"
      onSubmit={(e) => {
        e.preventDefault();
        void controller.saveAndClose();
      }}
    >
      <h2 id="baton-dialog-title">
        {mode === 'block' ? 'Complete the handoff before closing won' : 'The handoff is not complete'}
      </h2>
      <p className="lead">
        {snapshot.name ? `${snapshot.name}${snapshot.owner ? ` (owner ${snapshot.owner})` : ''}: ` : ''}moving to {state.targetLabel}.{' '}
        {mode === 'block'
          ? `${blocking.length} ${blocking.length === 1 ? 'item blocks' : 'items block'} closing. Fill them in here; Baton saves them to the CRM and then completes the move.`
          : 'Your team runs Baton in warn mode: you may go on, but CS will miss what is flagged below.'}
      </p>
      {snapshot.notice && <p className="notice">{snapshot.notice}</p>}
      <p className="score">
        Score {evaluation.score}/100 · non-negotiables {readinessText(evaluation)}
      </p>
      <div className="fields">
        {ELEMENT_KEYS.map((k) => {
          const id = `${formId}-${k}`;
          const findings = evaluation.findings.filter((f) => f.element === k);
          const issue = issueOf(k);
          const conflict = state.conflicts[k];
          const describedBy = [findings.length > 0 ? `${id}-findings` : '', issue || !writable.has(k) ? `${id}-issue` : '', conflict !== undefined ? `${id}-conflict` : '']
            .filter(Boolean)
            .join(' ');
          return (
            <div key={k} className={`element ${findings.some((f) => f.severity === 'block') ? 'blocking' : ''}`}>
              <label htmlFor={id}>{ELEMENT_LABELS[k]}</label>
              {isNonNegotiable(k) && <span className="required"> required to close</span>}
              <FindingList findings={findings} id={`${id}-findings`} />
              <textarea
                id={id}
                ref={k === firstBlocking ? firstField : undefined}
                data-initial-focus={k === firstBlocking ? '' : undefined}
                rows={k === 'useCase' || k === 'whyBought' ? 3 : 2}
                value={state.fields[k]}
                readOnly={!writable.has(k)}
                aria-invalid={findings.some((f) => f.severity === 'block') || undefined}
                aria-describedby={describedBy || undefined}
                onChange={(e) => controller.edit(k, e.target.value)}
              />
              {(issue || !writable.has(k)) && (
                <p className="hint" id={`${id}-issue`}>
                  {issue?.problem === 'missing'
                    ? `Not in this CRM: the field ${issue.field} does not exist (or you cannot see it). Ask your admin.`
                    : issue?.problem === 'read-only'
                      ? `You may not edit ${issue.field} in the CRM.`
                      : 'Read from the page: Baton cannot write to the CRM right now.'}
                </p>
              )}
              {conflict !== undefined && (
                <p className="conflict" id={`${id}-conflict`}>
                  Now in the CRM (saved by someone else): “{conflict.length > 400 ? `${conflict.slice(0, 400)}…` : conflict}”
                </p>
              )}
            </div>
          );
        })}
      </div>
      {state.pending.length > 0 && (
        <div className="pending" role="status">
          {state.pending.length} {state.pending.length === 1 ? 'change waits' : 'changes wait'} to sync to the CRM
          {state.pending[0]?.lastError ? ` (last error: ${state.pending[0].lastError})` : ''}.{' '}
          <button type="button" onClick={() => void controller.retryPending()}>
            Retry now
          </button>
        </div>
      )}
      {state.draftNotice && (
        <p className="hint" role="status">
          {state.draftNotice}
        </p>
      )}
      <Override controller={controller} state={state} />
      <NoteLine state={state} />
      <div className="actions">
        <button type="submit" className="primary" disabled={state.busy || writable.size === 0}>
          Save and close won
        </button>
        {mode === 'warn' && (
          <button type="button" disabled={state.busy} onClick={() => controller.continueAnyway()}>
            Close won without changes
          </button>
        )}
        {mode === 'block' && (
          <CloseAnyway controller={controller} state={state} />
        )}
        <CancelMove controller={controller} state={state} />
      </div>
    </form>
  );
}

/** The first press opens the reason field; the second, with a reason, records it and closes won. */
function CloseAnyway({ controller, state }: { controller: GateController; state: { busy: boolean; overriding: boolean } }) {
  return (
    <button type="button" disabled={state.busy} onClick={() => (state.overriding ? void controller.confirmOverride() : controller.startOverride())}>
      Close anyway
    </button>
  );
}

function CancelMove({ controller, state }: { controller: GateController; state: { busy: boolean } }) {
  return (
    <button type="button" disabled={state.busy} onClick={() => controller.cancel()}>
      Cancel
    </button>
  );
}

function FailSafe({ controller, state }: { controller: GateController; state: FailedDialog }) {
  return (
    <div className="body">
      <h2 id="baton-dialog-title">Baton could not check the handoff</h2>
      <p className="lead" role="alert">
        {state.problem.message}
      </p>
      <p>Baton does not let a deal close won unchecked. Try again, close anyway with a reason (recorded on the deal), or cancel.</p>
      <Override controller={controller} state={state} />
      <NoteLine state={state} />
      <div className="actions">
        <button type="button" className="primary" disabled={state.busy} onClick={() => void controller.retry()}>
          Try again
        </button>
        <CloseAnyway controller={controller} state={state} />
        <CancelMove controller={controller} state={state} />
      </div>
    </div>
  );
}

/** Close anyway went through but its record is not in the CRM: said before the move completes. */
function RecordedLocally({ controller, state }: { controller: GateController; state: RecordedLocallyDialog }) {
  const ok = useRef<HTMLButtonElement>(null);
  // The dialog stays open from the form to this notice, so showModal's focusing does not run again.
  useEffect(() => ok.current?.focus(), []);
  return (
    <div className="body">
      <h2 id="baton-dialog-title">Closing anyway: the handoff override is not in the CRM yet</h2>
      <p className="notice recorded" role="alert">
        {state.text}
      </p>
      <div className="actions">
        <button type="button" className="primary" ref={ok} onClick={() => controller.acknowledgeRecorded()}>
          OK, complete the move
        </button>
      </div>
    </div>
  );
}

function BulkForm({ controller, state }: { controller: GateController; state: BulkDialog }) {
  return (
    <div className="body">
      <h2 id="baton-dialog-title">
        {state.items.length} of {state.total} deals do not have a complete handoff
      </h2>
      <p className="lead">
        Moving {state.total} deals to {state.targetLabel}.{' '}
        {state.mode === 'block'
          ? 'These deals stop the move: open each to complete its handoff, or close them anyway with a reason (recorded on every deal).'
          : 'Your team runs Baton in warn mode: you may go on, but CS will miss what is flagged below.'}
      </p>
      <ul className="bulk">
        {state.items.map((item) => (
          <li key={`${item.deal.instance}:${item.deal.recordId}`}>
            {item.url ? (
              <a href={item.url} target="_blank" rel="noreferrer">
                {item.name || item.deal.recordId}
              </a>
            ) : (
              <span>{item.name}</span>
            )}
            {item.evaluation && (
              <span className="score">
                {' '}
                score {item.evaluation.score}/100 · non-negotiables {readinessText(item.evaluation)}
              </span>
            )}
            {item.problem ? (
              <p className="hint">Baton could not check it: {item.problem.message}</p>
            ) : (
              <FindingList findings={(item.evaluation?.findings ?? []).filter((f) => f.severity === 'block').slice(0, 3)} />
            )}
          </li>
        ))}
      </ul>
      <Override controller={controller} state={state} />
      <NoteLine state={state} />
      <div className="actions">
        {state.mode === 'warn' ? (
          <button type="button" className="primary" disabled={state.busy} onClick={() => controller.continueAnyway()}>
            Move them anyway
          </button>
        ) : (
          <CloseAnyway controller={controller} state={state} />
        )}
        <CancelMove controller={controller} state={state} />
      </div>
    </div>
  );
}
