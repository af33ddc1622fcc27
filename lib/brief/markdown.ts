/**
 * The CS brief as Markdown, for Slack, email or a CS platform. Every piece of CRM text is
 * escaped, so a rep's "*", "#" or "[link](…)" reads as typed instead of reformatting the brief.
 */
import { CERTAINTY_LABELS } from '@/lib/domain/items';
import { ELEMENT_LABELS, NON_NEGOTIABLES, type ElementKey } from '@/lib/domain/elements';
import type { ParsedArtifact } from '@/lib/domain/artifact';
import type { Evaluation } from '@/lib/rules/types';
import { readinessText } from '@/lib/rules/readiness';
import { formatAmount, type DealHeader } from '@/lib/domain/header';
import type { BatonActivity } from '@/lib/domain/activity';
import { metricParts } from './metric';
import { byCertainty, isNotACommitment, promisedByText } from './promises';

/** Escapes Markdown syntax in one line of CRM text. */
export function mdText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)(#{1,6}\s|[-+]\s|\d{1,9}[.)]\s)/, (_, space: string, marker: string) => `${space}\\${marker}`);
}

/** Multi-line CRM text as escaped Markdown lines (a blank line stays a paragraph break). */
function mdBlock(text: string): string {
  return text
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((line) => mdText(line))
    .join('  \n');
}

const cell = (text: string | null) => (text ? mdText(text.replace(/\s+/g, ' ')) : '—');

export function briefMarkdown(deal: DealHeader, parsed: ParsedArtifact, evaluation: Evaluation, acknowledgement: BatonActivity | null): string {
  const raw = parsed.raw;
  const out: string[] = [];
  const section = (key: ElementKey, body: string | null) => {
    out.push('', `## ${ELEMENT_LABELS[key]}`, '', body ?? (raw[key].trim() ? mdBlock(raw[key].trim()) : `_Missing${NON_NEGOTIABLES.includes(key as never) ? ' (required to close)' : ''}._`));
  };
  out.push(`# Handoff brief: ${mdText(deal.name || 'Unnamed deal')}`, '');
  out.push(
    [deal.account, formatAmount(deal.amount, deal.currency), deal.closeDate ? `close ${deal.closeDate}` : null, deal.stage, deal.owner ? `AE ${deal.owner}` : null]
      .filter((x): x is string => Boolean(x))
      .map(mdText)
      .join(' · '),
  );
  out.push('', `**Readiness:** ${readinessText(evaluation)} non-negotiables · score ${evaluation.score}/100 · [open in the CRM](${deal.url})`);

  section('useCase', null);
  const metric = metricParts(raw.successMetric);
  const parts = [
    metric.baseline && `baseline ${metric.baseline}`,
    metric.target && `target ${metric.target}`,
    metric.change && `change ${metric.change}`,
    metric.by && `when: ${metric.by}`,
  ].filter((x): x is string => Boolean(x));
  section('successMetric', raw.successMetric.trim() ? `${mdBlock(raw.successMetric.trim())}${parts.length ? `\n\n${parts.map((p) => `- ${mdText(p)}`).join('\n')}` : ''}` : null);
  const risks = parsed.riskFlags;
  section(
    'riskFlags',
    risks.flags.length > 0
      ? risks.flags.map((f) => `- ${f.severity ? `**${f.severity}** ` : ''}${mdText(f.text)}`).join('\n')
      : risks.noRisksConfirmation
        ? `No known risks — confirmed by ${mdText(risks.noRisksConfirmation.confirmedBy)} on ${risks.noRisksConfirmation.confirmedOn}`
        : null,
  );
  section('whyBought', null);
  const promises = byCertainty(parsed.promises.promises);
  section(
    'promises',
    promises.length > 0
      ? [
          '| Promise | Certainty | Owner | Due | Sign-off | Promised by |',
          '| --- | --- | --- | --- | --- | --- |',
          ...promises.map((p) => `| ${cell(p.text)} | ${p.tier ? CERTAINTY_LABELS[p.tier] : 'No tier (unconfirmed)'}${isNotACommitment(p) ? ' ⚠' : ''} | ${cell(p.owner)} | ${cell(p.due)} | ${cell(p.signOff)} | ${cell(promisedByText(p))} |`),
        ].join('\n')
      : null,
  );
  const people = parsed.stakeholders.stakeholders;
  section(
    'stakeholders',
    people.length > 0
      ? people.map((s) => `- ${mdText(s.name)} — ${s.role ? `**${s.role}**` : '_no role_'}${s.email ? ` (${mdText(s.email)})` : ''}${s.note ? ` — ${mdText(s.note)}` : ''}`).join('\n')
      : null,
  );
  const t = parsed.timeline;
  section(
    'timeline',
    t.goLive || t.milestones.length > 0
      ? [
          ...(t.goLive ? [`- Go-live: ${t.goLive}`] : []),
          ...t.milestones.map((m) => `- ${m.when.kind === 'days' ? `${m.when.days} days` : m.when.date}: ${mdText(m.text)}`),
        ].join('\n')
      : null,
  );
  section('knownGaps', null);
  out.push('', '## What is missing or weak', '');
  out.push(evaluation.findings.length === 0 ? 'Nothing: the handoff is complete.' : evaluation.findings.map((f) => `- ${f.severity === 'block' ? '**Blocks closing**' : f.severity === 'warn' ? 'Warning' : 'Note'} — ${ELEMENT_LABELS[f.element]}: ${mdText(f.message)}`).join('\n'));
  if (acknowledgement) {
    out.push('', '## CS acknowledgement', '', `${mdText(acknowledgement.subject)}${acknowledgement.author?.name ? ` — ${mdText(acknowledgement.author.name)}` : ''}, ${acknowledgement.at.slice(0, 10)}`, '', mdBlock(acknowledgement.body));
  }
  return `${out.join('\n')}\n`;
}
