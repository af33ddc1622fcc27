import { Bar, BarChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ConsoleRow } from '@/lib/console/rows';
import { countedReasons, ownerSummaries, scoreDistribution, weeklyTrend } from '@/lib/console/team';

const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)} %`);

// Series (className series-accent / series-danger, also on the dots, which recharts draws in a
// layer of their own), axis and grid colours come from the console's stylesheet (.charts …), so
// they follow the theme; the tooltip is styled inline because recharts writes inline colours there.
const TOOLTIP = { contentStyle: { background: 'var(--baton-bg)', borderColor: 'var(--baton-line)' }, itemStyle: { color: 'var(--baton-ink)' } };

/** Per AE, and the two charts; each chart has its numbers in a table too (screen readers, print). */
export function TeamView({ rows }: { rows: readonly ConsoleRow[] }) {
  const owners = ownerSummaries(rows);
  const buckets = scoreDistribution(rows);
  const weeks = weeklyTrend(rows);
  return (
    <section aria-labelledby="team-title">
      <h2 id="team-title">Team</h2>
      <table className="team">
        <caption>Per AE, over the deals in the current view</caption>
        <thead>
          <tr>
            <th scope="col">AE</th>
            <th scope="col">Deals</th>
            <th scope="col">Average score</th>
            <th scope="col">Placeholder rate</th>
            <th scope="col">Overrides</th>
            <th scope="col">Override reasons</th>
            <th scope="col">Acknowledged by CS</th>
            <th scope="col">Average CSM rating</th>
          </tr>
        </thead>
        <tbody>
          {owners.map((o) => (
            <tr key={o.owner}>
              <th scope="row">{o.owner}</th>
              <td>{o.deals}</td>
              <td>{Math.round(o.averageScore)}</td>
              <td>{percent(o.placeholderRate)}</td>
              <td>{o.overrides}</td>
              <td className="reasons">{o.overrideReasons.length === 0 ? '—' : countedReasons(o.overrideReasons).join(' · ')}</td>
              <td>{percent(o.acknowledgedRate)}</td>
              <td>{o.averageCsmRating === null ? '—' : o.averageCsmRating.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="charts">
        <figure>
          <figcaption id="dist-title">Score distribution</figcaption>
          <BarChart width={420} height={220} data={buckets} accessibilityLayer aria-labelledby="dist-title">
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="range" fontSize={11} />
            <YAxis allowDecimals={false} fontSize={11} />
            <Tooltip {...TOOLTIP} />
            <Bar dataKey="deals" name="Deals" className="series-accent" isAnimationActive={false} />
          </BarChart>
          <details>
            <summary>The numbers</summary>
            <ul>
              {buckets.map((b) => (
                <li key={b.range}>
                  Score {b.range}: {b.deals} deals
                </li>
              ))}
            </ul>
          </details>
        </figure>
        <figure>
          <figcaption id="trend-title">Weekly trend of won deals</figcaption>
          <LineChart width={420} height={220} data={weeks} accessibilityLayer aria-labelledby="trend-title">
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="week" fontSize={11} />
            <YAxis domain={[0, 100]} fontSize={11} />
            <Tooltip {...TOOLTIP} />
            <Line dataKey="averageScore" name="Average score" className="series-accent" dot={{ className: 'series-accent' }} activeDot={{ className: 'series-accent' }} strokeWidth={2} isAnimationActive={false} />
            <Line dataKey="overrides" name="Overridden deals" className="series-danger" dot={{ className: 'series-danger' }} activeDot={{ className: 'series-danger' }} strokeWidth={2} isAnimationActive={false} />
          </LineChart>
          <details>
            <summary>The numbers</summary>
            <ul>
              {weeks.map((w) => (
                <li key={w.week}>
                  Week of {w.week}: {w.deals} won, average score {w.averageScore}, {w.overrides} overridden
                </li>
              ))}
            </ul>
          </details>
        </figure>
      </div>
    </section>
  );
}
