import { ELEMENT_LABELS, NON_NEGOTIABLES } from '@/lib/domain/elements';
import { isHandoffReady } from '@/lib/gate/readiness';
import type { GateController } from '@/lib/gate/controller';
import { useStore } from './useStore';

/** Shown beside the Path's own guidance while the rep has the Closed chevron selected. */
export function ClosedWonGuidance({ controller }: { controller: GateController }) {
  const readiness = useStore(controller.readiness);
  let body;
  if (readiness.kind !== 'ready') {
    body = <p>Baton is still checking the handoff; closing won will wait for the check.</p>;
  } else if (isHandoffReady(readiness.evaluation)) {
    body = <p>The handoff is ready for Closed Won (score {readiness.evaluation.score}/100).</p>;
  } else {
    const blocking = readiness.evaluation.findings.filter((f) => f.severity === 'block');
    const elements = [...new Set(blocking.map((f) => f.element))];
    const missingNonNegotiables = NON_NEGOTIABLES.length - readiness.evaluation.nonNegotiablesReady;
    body = (
      <>
        <p>
          Before Closed Won, the handoff still needs:{' '}
          {elements.length > 0 ? elements.map((e) => ELEMENT_LABELS[e]).join(', ') : `${missingNonNegotiables} non-negotiables`}.
        </p>
        <ul>
          {blocking.slice(0, 4).map((f, i) => (
            <li key={i}>{f.message}</li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <section className="baton-guidance" aria-label="Baton: closed-won handoff">
      <h3>Handoff for Closed Won</h3>
      {body}
    </section>
  );
}
