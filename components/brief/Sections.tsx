import { CERTAINTY_LABELS, type HandoffPromise, type ParsedStakeholders, type ParsedTimeline } from '@/lib/domain/items';
import { daysBetween } from '@/lib/domain/dates';
import { metricParts } from '@/lib/brief/metric';
import { byCertainty, isNotACommitment, promisedByText } from '@/lib/brief/promises';
import { LongText } from './LongText';


/** Promises as a table by certainty tier; unconfirmed verbal, exploring and untiered ones stand out. */
export function PromisesTable({ promises }: { promises: readonly HandoffPromise[] }) {
  const rows = byCertainty(promises).slice(0, 200);
  return (
    <table className="promises">
      <caption className="visually-hidden">Promises made, by certainty</caption>
      <thead>
        <tr>
          <th scope="col">Promise</th>
          <th scope="col">Certainty</th>
          <th scope="col">Who and when</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p, i) => (
          <tr key={i} className={isNotACommitment(p) ? 'shaky' : undefined}>
            <td>{p.text.length > 400 ? `${p.text.slice(0, 400)}…` : p.text}</td>
            <td>
              {p.tier ? CERTAINTY_LABELS[p.tier] : 'No tier'}
              {isNotACommitment(p) && <strong className="flag"> — not a commitment</strong>}
            </td>
            <td>
              <WhoAndWhen promise={p} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WhoAndWhen({ promise }: { promise: HandoffPromise }) {
  const parts = [
    ['Owner', promise.owner],
    ['Due', promise.due],
    ['Sign-off', promise.signOff],
    ['Promised by', promisedByText(promise)],
  ].filter((part): part is [string, string] => Boolean(part[1]));
  if (parts.length === 0) return <span className="missing">No owner, date or sign-off</span>;
  return (
    <>
      {parts.map(([label, value]) => (
        <div key={label}>
          <span className="muted">{label}:</span> <span className={label === 'Due' ? 'nowrap' : undefined}>{value}</span>
        </div>
      ))}
    </>
  );
}

const KEY_ROLES = new Set(['champion', 'economic buyer', 'executive sponsor']);

export function Stakeholders({ parsed }: { parsed: ParsedStakeholders }) {
  return (
    <ul className="people">
      {parsed.stakeholders.slice(0, 200).map((s, i) => (
        <li key={i}>
          <span className="name">{s.name}</span>{' '}
          {s.role ? <span className={`role ${KEY_ROLES.has(s.role) ? 'key' : ''}`}>{KEY_ROLES.has(s.role) ? `★ ${s.role}` : s.role}</span> : <span className="role missing">no role</span>}
          {s.email && <span className="email"> · {s.email}</span>}
          {s.note && <span className="note"> · {s.note.length > 300 ? `${s.note.slice(0, 300)}…` : s.note}</span>}
        </li>
      ))}
    </ul>
  );
}

export function MetricParts({ text }: { text: string }) {
  const parts = metricParts(text);
  const items = [
    ['Baseline', parts.baseline],
    ['Target', parts.target],
    ['Change', parts.change],
    ['By when', parts.by],
  ] as const;
  return (
    <>
      <LongText text={text} />
      <dl className="metric">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className={value ? undefined : 'missing'}>{value ?? 'not stated'}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/**
 * Go-live and the milestones after it on a small line, with 30/60/90-day marks; the list beside it
 * says the same in words. Colours come from the side panel's stylesheet (.timeline …), so they follow
 * the theme.
 */
export function TimelineChart({ timeline }: { timeline: ParsedTimeline }) {
  const points = timeline.milestones
    .map((m) => ({ text: m.text, day: m.when.kind === 'days' ? m.when.days : timeline.goLive ? daysBetween(timeline.goLive, m.when.date) : null, label: m.when.kind === 'days' ? `Day ${m.when.days}` : m.when.date }))
    .slice(0, 50);
  const placed = points.filter((p): p is typeof p & { day: number } => p.day !== null && p.day >= 0);
  const span = Math.max(90, ...placed.map((p) => p.day));
  const x = (day: number) => 20 + (day / span) * 260;
  const description = `Go-live ${timeline.goLive ?? 'not set'}; ${placed.map((p) => `${p.label}: ${p.text}`).join('; ') || 'no milestones'}`;
  return (
    <>
      <svg className="timeline" viewBox="0 0 300 60" role="img" aria-label={description.length > 500 ? `${description.slice(0, 500)}…` : description}>
        <line className="axis" x1="20" y1="30" x2="280" y2="30" strokeWidth="2" />
        {[30, 60, 90].map((d) => (
          <g key={d}>
            <line className="axis" x1={x(d)} y1="24" x2={x(d)} y2="36" />
            <text className="day" x={x(d)} y="52" fontSize="9" textAnchor="middle">
              {d}d
            </text>
          </g>
        ))}
        <circle className="go-live" cx={x(0)} cy="30" r="5" />
        <text className="go-live" x={x(0)} y="16" fontSize="9" textAnchor="middle">
          Go-live
        </text>
        {placed.map((p, i) => (
          <circle key={i} className="milestone" cx={x(p.day)} cy="30" r="4" />
        ))}
      </svg>
      <ul className="milestones">
        {timeline.goLive && <li>Go-live: {timeline.goLive}</li>}
        {points.map((p, i) => (
          <li key={i}>
            {p.label}: {p.text.length > 300 ? `${p.text.slice(0, 300)}…` : p.text}
          </li>
        ))}
      </ul>
    </>
  );
}
