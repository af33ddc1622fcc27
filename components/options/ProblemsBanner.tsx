import type { SettingsProblem } from '@/lib/settings/store';

export function ProblemsBanner({ problems }: { problems: SettingsProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="problems">
      {problems.map((p) => (
        <div key={p.message}>
          <p>{p.message}</p>
          {p.details.length > 0 && (
            <ul>
              {p.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}
