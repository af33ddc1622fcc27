import type { ReactNode } from 'react';
import type { ParsedArtifact } from '@/lib/domain/artifact';
import { ELEMENT_LABELS, isNonNegotiable, type ElementKey } from '@/lib/domain/elements';
import type { Evaluation } from '@/lib/rules/types';
import { formatAmount, type DealHeader } from '@/lib/domain/header';
import { readinessText } from '@/lib/rules/readiness';
import { isHandoffReady } from '@/lib/gate/readiness';
import { FindingList } from '@/components/overlay/Findings';
import { LongText } from './LongText';
import { MetricParts, PromisesTable, Stakeholders, TimelineChart } from './Sections';

function Element({ id, parsed, evaluation, children }: { id: ElementKey; parsed: ParsedArtifact; evaluation: Evaluation; children?: ReactNode }) {
  const text = parsed.raw[id].trim();
  const blocking = evaluation.findings.some((f) => f.element === id && f.severity === 'block');
  return (
    <section className={`element ${blocking ? 'blocking' : ''}`} aria-labelledby={`h-${id}`}>
      <h2 id={`h-${id}`}>{ELEMENT_LABELS[id]}</h2>
      {text === '' ? (
        <p className="missing">Missing{isNonNegotiable(id) ? ' — required to close won' : ''}.</p>
      ) : (
        (children ?? <LongText text={text} />)
      )}
    </section>
  );
}

/** The CS brief of one deal, in the order a CSM needs it. Every CRM value is rendered as text. */
export function Brief({ deal, parsed, evaluation }: { deal: DealHeader; parsed: ParsedArtifact; evaluation: Evaluation }) {
  const facts = [
    ['Account', deal.account],
    ['Amount', formatAmount(deal.amount, deal.currency)],
    ['Close date', deal.closeDate],
    ['Stage', deal.stage],
    ['AE', deal.owner],
  ] as const;
  const r = parsed.riskFlags;
  return (
    <article className="brief" aria-labelledby="brief-title">
      <header>
        <h1 id="brief-title">{deal.name || 'Unnamed deal'}</h1>
        <dl className="facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value ?? '—'}</dd>
            </div>
          ))}
        </dl>
        <p className={`readiness ${isHandoffReady(evaluation) ? 'ok' : 'bad'}`}>
          Non-negotiables {readinessText(evaluation)} · score {evaluation.score}/100
          {isHandoffReady(evaluation) ? ' · ready' : ' · not ready'}
        </p>
      </header>
      <Element id="useCase" parsed={parsed} evaluation={evaluation} />
      <Element id="successMetric" parsed={parsed} evaluation={evaluation}>
        <MetricParts text={parsed.raw.successMetric} />
      </Element>
      <Element id="riskFlags" parsed={parsed} evaluation={evaluation}>
        {r.flags.length > 0 ? (
          <ul className="risks">
            {r.flags.slice(0, 200).map((f, i) => (
              <li key={i} className={f.severity ?? ''}>
                {f.severity && <strong>{f.severity}: </strong>}
                {f.text.length > 500 ? `${f.text.slice(0, 500)}…` : f.text}
              </li>
            ))}
          </ul>
        ) : r.noRisksConfirmation ? (
          <p>
            No known risks — confirmed by {r.noRisksConfirmation.confirmedBy} on {r.noRisksConfirmation.confirmedOn}.
          </p>
        ) : (
          <LongText text={parsed.raw.riskFlags} />
        )}
      </Element>
      <Element id="whyBought" parsed={parsed} evaluation={evaluation} />
      <Element id="promises" parsed={parsed} evaluation={evaluation}>
        {parsed.promises.promises.length > 0 ? <PromisesTable promises={parsed.promises.promises} /> : <LongText text={parsed.raw.promises} />}
      </Element>
      <Element id="stakeholders" parsed={parsed} evaluation={evaluation}>
        {parsed.stakeholders.stakeholders.length > 0 ? <Stakeholders parsed={parsed.stakeholders} /> : <LongText text={parsed.raw.stakeholders} />}
      </Element>
      <Element id="timeline" parsed={parsed} evaluation={evaluation}>
        {parsed.timeline.goLive || parsed.timeline.milestones.length > 0 ? <TimelineChart timeline={parsed.timeline} /> : <LongText text={parsed.raw.timeline} />}
      </Element>
      <Element id="knownGaps" parsed={parsed} evaluation={evaluation} />
      <section aria-labelledby="h-findings">
        <h2 id="h-findings">What is missing or weak</h2>
        {evaluation.findings.length === 0 ? <p>Nothing: the handoff is complete.</p> : <FindingList findings={evaluation.findings.slice(0, 60)} />}
      </section>
    </article>
  );
}
