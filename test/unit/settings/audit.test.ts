import { describe, expect, it } from 'vitest';
import { applyManaged } from '@/lib/settings/managed';
import { Settings, defaultSettings } from '@/lib/settings/schema';
import { migrateSettings } from '@/lib/settings/migrations';
import { pathLabel } from '@/components/options/pathLabels';
import { draftErrors } from '@/components/options/draft';
import { listError } from '@/components/options/AuditSection';
import { parseList } from '@/components/options/ListField';

describe('who may acknowledge and review, in settings', () => {
  it('defaults to no names (anyone but the deal owner), also for settings saved before it existed', () => {
    expect(defaultSettings().audit).toEqual({ csUsers: [], csGroups: [], reviewers: [], reviewerGroups: [] });
    const { audit: _audit, ...older } = defaultSettings();
    const migrated = migrateSettings(older);
    expect(migrated.ok && migrated.settings.audit).toEqual({ csUsers: [], csGroups: [], reviewers: [], reviewerGroups: [] });
  });

  it('an administrator can set and lock the lists; an invalid list is refused and said so', () => {
    const overlay = applyManaged(defaultSettings(), { audit: { csUsers: ['casey@acme.example'], reviewerGroups: ['Sales Manager'] } });
    expect(overlay.settings.audit).toMatchObject({ csUsers: ['casey@acme.example'], reviewerGroups: ['Sales Manager'] });
    expect(overlay.locked.sort()).toEqual(['audit.csUsers', 'audit.reviewerGroups']);
    const bad = applyManaged(defaultSettings(), { audit: { csUsers: ['Casey'] } });
    expect(bad.settings.audit.csUsers).toEqual([]);
    expect(bad.problems.join(' ')).toMatch(/audit\.csUsers/);
  });

  it('the options page shows a bad entry with its line, and names the list in the summary', () => {
    const draft: Settings = { ...defaultSettings(), audit: { ...defaultSettings().audit, csUsers: ['casey@acme.example', 'Casey Success'] } };
    const errors = draftErrors(draft);
    expect(listError(errors, 'csUsers')).toMatch(/^Line 2: Name a person by email address/);
    expect(listError(errors, 'reviewers')).toBeUndefined();
    expect(pathLabel('audit.csUsers.1')).toBe('CS users, line 2');
    expect(parseList(' casey@acme.example \n\n005Hs000003CsmAIAQ\r\n')).toEqual(['casey@acme.example', '005Hs000003CsmAIAQ']);
  });
});
