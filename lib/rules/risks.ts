import { CONFIRMATION_EXAMPLE } from '@/lib/domain/riskFlags';
import type { RuleInput } from './engine';

/** risk-none-unconfirmed: "none" as the risk assessment, without who confirmed it and when. */
export function riskRules({ parsed, assessed, sink }: RuleInput): void {
  if (!parsed.riskFlags.unconfirmedNone || !sink.on('risk-none-unconfirmed')) return;
  if (assessed.riskFlags.status !== 'filled') return; // a placeholder is reported as such
  sink.add(
    'risk-none-unconfirmed',
    'riskFlags',
    'The risk flags say there are none, but not who confirmed that or when, so CS can’t tell whether anyone checked.',
    `If there really are no risks, write “${CONFIRMATION_EXAMPLE}”; otherwise list each risk on its own line.`,
  );
}
