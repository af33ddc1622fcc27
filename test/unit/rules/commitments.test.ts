import { describe, expect, it } from 'vitest';
import { hasVagueCommitment } from '@/lib/rules/vagueText';
import { evalWith, findings } from './helpers';
import { GOOD_HANDOFF } from '@/test/fixtures/handoffs';

describe('vague commitment language', () => {
  const VAGUE = [
    'We can definitely work with you on that',
    'WE CAN DEFINITELY WORK WITH YOU ON THAT!!',
    'Custom reports should be possible',
    'SSO is on the roadmap',
    'Offline mode coming soon',
    "We'll figure it out",
    'We’ll figure it out', // typographic apostrophe
    'We`ll   figure  it   out',
    'we will look into it',
    'It is in the pipeline',
    'Planned for the next release',
    'We can probably add that',
    'No problem, we can do that',
    "Shouldn't be an issue",
    'Shouldn’t be an issue',
    'shouldnt be an issue',
    "We'll make it work",
    'Down the road we add Jira',
    'Eventually there will be an API',
    'Sollte möglich sein',
    'Ça devrait être possible',
  ];
  it.each(VAGUE)('%j is vague', (text) => expect(hasVagueCommitment(text)).toBe(true));

  const FIRM = [
    'SSO with Okta live before go-live',
    'The roadmap review happened on 2027-01-05',
    'Pipeline reports for the sales team',
    'Release notes are sent monthly',
    'We will deliver the Jira connector by 2027-03-01',
    'Eventuality planning workshop', // "eventually" only as a whole word
    'The customer should be trained by the admin',
    'Possible data loss during migration',
  ];
  it.each(FIRM)('%j is not vague', (text) => expect(hasVagueCommitment(text)).toBe(false));
});

describe('rule: vague-commitment', () => {
  it('reports vague language in any element, with its line', () => {
    const e = evalWith({ knownGaps: 'No Jira Server integration.\nOffline mode is on the roadmap, we can probably deliver it.' });
    expect(findings(e, 'vague-commitment')).toEqual([
      expect.objectContaining({ element: 'knownGaps', line: 2, severity: 'warn' }),
    ]);
    expect(findings(e, 'vague-commitment')[0]?.message).toContain('on the roadmap');
  });

  it('reports promises without a tier and verbal promises', () => {
    const e = evalWith({
      promises: `${GOOD_HANDOFF.promises}\nCustom dashboards should be possible\n[verbal] We'll make it work for the Paris office`,
    });
    expect(findings(e, 'vague-commitment').map((f) => f.line)).toEqual([3, 4]);
  });

  it('leaves promises that carry a committed or planned tier alone', () => {
    const e = evalWith({
      promises:
        '[committed] Jira connector, no problem, we can ship it | owner: Dana Lee | due: 2027-03-01 | sign-off: VP CS\n[planned] Dashboards should be possible',
    });
    expect(findings(e, 'vague-commitment')).toEqual([]);
  });

  it('an exploring promise is caught by promise-exploring, not by vague-commitment', () => {
    const e = evalWith({ promises: `${GOOD_HANDOFF.promises}\n[exploring] Custom reports should be possible` });
    expect(findings(e, 'vague-commitment')).toEqual([]);
    expect(findings(e, 'promise-exploring')).toHaveLength(1);
  });

  it('one finding per line, however many phrases it has', () => {
    const e = evalWith({ whyBought: 'They liked that offline mode is coming soon and eventually SSO, which should be possible.' });
    expect(findings(e, 'vague-commitment')).toHaveLength(1);
  });

  it('good artifacts have none', () => {
    expect(findings(evalWith({}), 'vague-commitment')).toEqual([]);
  });
});
