import { ElementKey, ELEMENT_LABELS } from '@/lib/domain/elements';
import { RuleId } from '@/lib/rules/types';
import { Crm } from '@/lib/domain/deal';
import { CRM_LABELS } from '@/lib/crms';
import { RULE_LABELS } from '@/lib/rules/labels';

const FIXED: Record<string, string> = {
  enforcement: 'Enforcement mode',
  role: 'Your role',
  'hubspot.method': 'HubSpot connection method',
  'hubspot.oauthClientId': 'HubSpot OAuth client id',
  'rules.thresholds.championAboveAmount': 'Champion required from deal amount',
  'rules.thresholds.economicBuyerAboveAmount': 'Economic buyer required from deal amount',
  'rules.thresholds.copiedMinChars': 'Shortest copied text that counts',
  'audit.csUsers': 'CS users',
  'audit.csGroups': 'CS roles, profiles or teams',
  'audit.reviewers': 'Reviewers',
  'audit.reviewerGroups': 'Reviewer roles, profiles or teams',
};

function elementLabel(key: string | undefined): string {
  const parsed = ElementKey.safeParse(key);
  return parsed.success ? ELEMENT_LABELS[parsed.data] : key === 'csmRating' ? 'CSM rating' : String(key);
}

/** The name a person sees for a settings path, for error summaries ("Use case — Salesforce"). */
export function pathLabel(path: string): string {
  const fixed = FIXED[path];
  if (fixed) return fixed;
  const parts = path.split('.');
  if (parts[0] === 'fieldMappings') {
    const crm = Crm.safeParse(parts[1]);
    return `${elementLabel(parts[2])} — ${crm.success ? CRM_LABELS[crm.data] : parts[1]}`;
  }
  if (parts[0] === 'rules' && parts[1] === 'modes') {
    const rule = RuleId.safeParse(parts[2]);
    if (rule.success) return RULE_LABELS[rule.data];
  }
  if (parts[0] === 'rules' && parts[2] === 'minWords') return `Minimum words: ${elementLabel(parts[3])}`;
  const list = FIXED[parts.slice(0, 2).join('.')];
  if (parts[0] === 'audit' && list && /^\d+$/.test(parts[2] ?? '')) return `${list}, line ${Number(parts[2]) + 1}`;
  return path;
}
