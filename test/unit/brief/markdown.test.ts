import { describe, expect, it } from 'vitest';
import { briefMarkdown, mdText } from '@/lib/brief/markdown';
import { parseArtifact } from '@/lib/domain/artifact';
import { emptyArtifact } from '@/lib/domain/elements';
import { evaluateRaw } from '@/lib/rules';
import { defaultRulesConfig } from '@/lib/rules/config';
import type { DealHeader } from '@/lib/domain/header';
import { CTX } from '../rules/helpers';
import { GOOD_HANDOFF } from '@/test/fixtures/handoffs';

const DEAL: DealHeader = {
  deal: { crm: 'salesforce', instance: 'acme', recordId: '006Hs00001abcDEIAY' },
  url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001abcDEIAY/view',
  name: 'Globex — EMEA support', account: 'Globex', amount: 120000, currency: 'USD', closeDate: '2027-01-29', stage: 'Closed Won', owner: 'Grace Hopper',
};

describe('briefMarkdown', () => {
  it('a complete handoff: every section in order, promises as a table, roles marked', () => {
    const parsed = parseArtifact({ ...GOOD_HANDOFF, promises: `${GOOD_HANDOFF.promises}\n[verbal] Slack alerts for P1 tickets | promised by: Sam Rep` });
    const md = briefMarkdown(DEAL, parsed, evaluateRaw(parsed.raw, CTX, defaultRulesConfig()), null);
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Handoff brief: Globex — EMEA support',
      '## Use case',
      '## Success metric',
      '## Risk flags',
      '## Why they bought',
      '## Promises made',
      '## Stakeholders',
      '## Timeline',
      '## Known gaps',
      '## What is missing or weak',
    ]);
    expect(md).toContain('Globex · USD 120,000 · close 2027-01-29 · Closed Won · AE Grace Hopper');
    expect(md).toContain('- baseline 9 hours\n- target 2 hours\n- change −77.8%\n- when: within 90 days of go-live');
    expect(md).toContain('| Slack alerts for P1 tickets | Unconfirmed verbal ⚠ | — | — | — | Sam Rep |');
    expect(md).toContain('- Maria Lopez — **champion** (maria@acme.com)');
    expect(md).toContain('- Go-live: 2027-03-01');
  });

  it('an empty handoff says what is missing, never a blank', () => {
    const parsed = parseArtifact(emptyArtifact());
    const md = briefMarkdown(DEAL, parsed, evaluateRaw(parsed.raw, CTX, defaultRulesConfig()), null);
    expect(md).toContain('## Use case\n\n_Missing (required to close)._');
    expect(md).toContain('## Known gaps\n\n_Missing._');
    expect(md).toContain('**Blocks closing** — Use case: The use case is empty');
  });

  it('escapes Markdown and HTML in CRM text', () => {
    expect(mdText('# Title *bold* _it_ [x](javascript:alert(1)) <script> | `code`')).toBe(
      '\\# Title \\*bold\\* \\_it\\_ \\[x\\](javascript:alert(1)) \\<script\\> \\| \\`code\\`',
    );
    expect(mdText('- not a list')).toBe('\\- not a list');
    expect(mdText('1. not a list')).toBe('\\1. not a list');
  });
});
