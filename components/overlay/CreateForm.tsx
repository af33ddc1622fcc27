import { ELEMENT_KEYS, ELEMENT_LABELS } from '@/lib/domain/elements';
import type { GateController } from '@/lib/gate/controller';
import type { CreateDialog } from '@/lib/gate/dialogState';
import { readinessText } from '@/lib/rules/readiness';
import { FindingList } from './Findings';

/** The dialog for a new deal created in a won stage: what its form still needs, and back to the form. */
export function CreateForm({ controller, state }: { controller: GateController; state: CreateDialog }) {
  const { evaluation, problem } = state;
  if (evaluation === null) {
    return (
      <div className="body" role={problem ? undefined : 'status'}>
        <h2 id="baton-dialog-title">{problem ? 'Baton could not check the new deal’s handoff' : 'Checking the new deal’s handoff…'}</h2>
        {problem && (
          <p className="lead" role="alert">
            {problem.message}
          </p>
        )}
        <p>
          {problem
            ? `Baton does not let a deal be created as ${state.targetLabel} unchecked. Try again, or go back to the form and create it in an open stage.`
            : 'Baton is reading the stages from the CRM.'}
        </p>
        <div className="actions">
          {problem && (
            <button type="button" className="primary" onClick={() => void controller.retry()}>
              Try again
            </button>
          )}
          <button type="button" onClick={() => controller.cancel()}>
            Back to the form
          </button>
        </div>
      </div>
    );
  }
  const blocking = evaluation.findings.filter((f) => f.severity === 'block');
  const elements = ELEMENT_KEYS.filter((k) => evaluation.findings.some((f) => f.element === k));
  return (
    <div className="body">
      <h2 id="baton-dialog-title">{state.mode === 'block' ? 'Complete the handoff before creating this deal won' : 'The new deal’s handoff is not complete'}</h2>
      <p className="lead">
        Creating a deal in {state.targetLabel}.{' '}
        {state.mode === 'block'
          ? `${blocking.length} ${blocking.length === 1 ? 'item blocks' : 'items block'} it. Fill them in the form, then save again.`
          : 'Your team runs Baton in warn mode: you may go on, but CS will miss what is flagged below.'}
      </p>
      {state.absent.length > 0 && (
        <p className="notice">
          The form does not show {state.absent.map((k) => ELEMENT_LABELS[k]).join(', ')}: create the deal in an open stage, fill its handoff, then
          close it won.
        </p>
      )}
      <p className="score">
        Score {evaluation.score}/100 · non-negotiables {readinessText(evaluation)}
      </p>
      <div className="fields">
        {elements.map((k) => (
          <div key={k} className="element">
            <h3>{ELEMENT_LABELS[k]}</h3>
            <FindingList findings={evaluation.findings.filter((f) => f.element === k)} />
          </div>
        ))}
      </div>
      <div className="actions">
        <button type="button" className="primary" data-initial-focus="" onClick={() => controller.cancel()}>
          Back to the form
        </button>
        {state.mode === 'warn' && (
          <button type="button" onClick={() => controller.continueAnyway()}>
            Create it anyway
          </button>
        )}
      </div>
    </div>
  );
}
