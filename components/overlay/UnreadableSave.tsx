import type { GateController } from '@/lib/gate/controller';
import type { UnreadableSaveDialog } from '@/lib/gate/dialogState';

/** A page save Baton could not read nor tie to a deal (the backstop): held; the rep can only cancel it. */
export function UnreadableSave({ controller, state }: { controller: GateController; state: UnreadableSaveDialog }) {
  return (
    <div className="body">
      <h2 id="baton-dialog-title">Baton could not check this save against the handoff</h2>
      <p className="lead" role="alert">
        {state.problem.message}
      </p>
      <p>Baton does not let a deal close won unchecked, so this save does not happen. Move the deal to its stage from the deal’s own page.</p>
      <div className="actions">
        <button type="button" className="primary" data-initial-focus="" onClick={() => controller.cancel()}>
          Cancel the save
        </button>
      </div>
    </div>
  );
}
