import type { Finding } from '@/lib/rules/types';

const SEVERITY_TEXT = { block: 'Blocks closing', warn: 'Warning', info: 'Note' } as const;

/** A list of findings, each with what is wrong and what to do. */
export function FindingList({ findings, id }: { findings: readonly Finding[]; id?: string }) {
  if (findings.length === 0) return null;
  return (
    <ul className="findings" id={id}>
      {findings.map((f, i) => (
        <li key={`${f.rule}-${f.line ?? 0}-${i}`} className={`finding ${f.severity}`}>
          <span className="severity">{SEVERITY_TEXT[f.severity]}:</span> {f.message} <span className="fix">{f.fix}</span>
        </li>
      ))}
    </ul>
  );
}
