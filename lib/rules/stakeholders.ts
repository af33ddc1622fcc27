import { STAKEHOLDER_ROLES, type Stakeholder, type StakeholderRole } from '@/lib/domain/items';
import type { RuleInput } from './engine';
import { stakeholderLines } from './locate';
import { shown } from './messages';

/** stakeholder-no-role, stakeholder-no-champion, stakeholder-no-economic-buyer: does CS know who is who? */

const ROLE_LIST = STAKEHOLDER_ROLES.join(', ');

/** A deal needs the role when its amount is at or above the threshold, or when the amount is unknown. */
function needed(amount: number | null, threshold: number): boolean {
  return amount === null || amount >= threshold;
}

function hasRole(stakeholders: readonly Stakeholder[], role: StakeholderRole): boolean {
  return stakeholders.some((s) => s.role === role);
}

export function stakeholderRules({ parsed, text, assessed, ctx, config, sink }: RuleInput): void {
  const a = assessed.stakeholders;
  if (a.status !== 'filled') return; // missing / placeholder are reported already
  const { stakeholders } = parsed.stakeholders;

  if (sink.on('stakeholder-no-role') && stakeholders.some((s) => s.role === null)) {
    const lines = stakeholderLines(text.stakeholders.raw, parsed.stakeholders);
    stakeholders.forEach((s, i) => {
      if (s.role !== null) return;
      const line = lines[i];
      if (line !== undefined && a.placeholderLines.has(line)) return;
      sink.add(
        'stakeholder-no-role',
        'stakeholders',
        `${shown(s.name)} has no role, so CS won’t know what this person decides or influences.`,
        `Add a role after the name (${ROLE_LIST}), e.g. “Jane Doe | champion”.`,
        line,
      );
    });
  }

  const { championAboveAmount, economicBuyerAboveAmount } = config.thresholds;
  if (sink.on('stakeholder-no-champion') && needed(ctx.amount, championAboveAmount) && !hasRole(stakeholders, 'champion')) {
    sink.add(
      'stakeholder-no-champion',
      'stakeholders',
      'No stakeholder is marked as champion, so CS won’t know who inside the customer pushes for the product.',
      'Mark the person who drove the deal internally as champion, e.g. “Jane Doe | champion”.',
    );
  }
  if (
    sink.on('stakeholder-no-economic-buyer') &&
    needed(ctx.amount, economicBuyerAboveAmount) &&
    !hasRole(stakeholders, 'economic buyer')
  ) {
    sink.add(
      'stakeholder-no-economic-buyer',
      'stakeholders',
      'No stakeholder is marked as economic buyer, so CS won’t know who owns the budget at renewal.',
      'Name the person who approved the budget, e.g. “Sam Lee | economic buyer”.',
    );
  }
}
