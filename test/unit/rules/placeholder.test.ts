import { describe, expect, it } from 'vitest';
import { isJunkWord, isKeyboardMash, isPlaceholderText } from '@/lib/rules/placeholderText';
import { config, CTX, evalWith, findings } from './helpers';

/** Placeholder or junk: a rep typed this to get past a required field. */
const PLACEHOLDERS = [
  'TBD', 'tbd', 'T.B.D.', 't b d', 'T\u200bBD', 'T\u200bB\u200dD', 'TBD!!!', '  tbd  ', 'TBC', 'tba',
  'N/A', 'n/a', 'N / A', 'n.a.', 'NA', '\u200bN/A\u200b', 'none yet', 'None', 'asdf', 'ASDF', 'asdfasdf',
  'qwerty', 'qwertyuiop', 'zxcv', 'xxx', 'XXXXXX', 'aaaa', '....', '.', '-', '?', '???', 'lorem ipsum',
  'Lorem ipsum dolor sit amet', 'see notes', 'See Notes.', 'same as above', 'to be determined',
  'To Be Confirmed', 'pending', 'Pending.', 'will update', 'see opp', 'sdfgsdfg', 'jkljkl', 'hjkl',
  'TBD - will confirm later', 'TBD, need to confirm with the customer', 'tbd tbd tbd', 'test',
  'Test test', 'hahaha', '<p>TBD</p>', 'TBD (see notes)', 'Rollout TBD', '未定', 'k.A.', 'à définir', 'x',
  'TODO', 'placeholder', 'Will update later', 'Details to follow', 'N/A for this customer', 'asd fgh',
  'qwe rty', 'TBD\nTBD', '-\n?', 't.b.c.', 'n/a - see opp', 'xxxxxxxxxxxxxxxxxxx', 'asdf test',
  'ask customer', 'dfdfdf', 'zzz', 'To follow', 'Same', 'Unknown', 'Not sure', 'idk', 'None at this time',
  'Pending pending', 'TBD\u00a0', 'ＴＢＤ', // full-width letters (NFKC)
];

/** Real text that merely contains those letters, in several languages: never a placeholder. */
const REAL = [
  'Tbd-free onboarding of the NASDAQ team', 'Asdfghj Holdings rollout for 300 agents',
  'Strengths: fast routing and rhythms of the support day', 'Krzysztof Nowak | champion',
  'Nguyen Van An | economic buyer', 'Szczecin warehouse goes live first', 'Pending legal review of the DPA',
  'NA and EMEA support teams move to one queue', 'Replace Zendesk for 300 agents', 'Reduce churn by 15% by Q3 2027',
  'Kafka event stream into the data lake', 'Flask app used by the Dallas office', 'Typewriter museum ticketing',
  'Quiet hours for the support team', 'Proprietary routing rules', 'Alaska and Hawaii field teams',
  'Sass stylesheets for the portal', 'Migrate 4 million tickets from ServiceNow', 'Agents in Wrocław and Szczecin',
  'Einführung des Ticketsystems für 300 Mitarbeiter im Kundendienst bis Q3 2027',
  'Ja, wir führen das System in drei Werken ein',
  'Réduire le temps de réponse de 9 heures à 2 heures d’ici fin juin', 'L’équipe support passe sur une seule file',
  'サポート窓口を一つのキューに統合し、対応時間を半分にする', '顧客満足度を90%に上げる', '客服团队统一使用一个工单系统',
  'Σύστημα υποστήριξης για 300 πράκτορες', 'Система поддержки для 300 агентов', 'Llevar el soporte de México a una sola cola',
  'Test automation for the QA team', 'See the attached architecture diagram for data flows',
  'None of the admins are trained on SSO', 'Same-day onboarding for new hires', 'XXL Sports rollout in 40 stores',
  'Phase III expansion to Asia', 'Jira, Confluence and Bitbucket integration', 'Q3 2027 go-live for all 12 sites',
  'Wow, the customer loves the dashboards', 'Dashboards', 'Salesforce', 'Reduce AHT', 'Zoë Dubois — champion',
  'Nguyễn Văn An | end user', 'A/B testing of the chatbot', 'Rhythm', 'Strengths', 'Krzysztof', 'Nguyen', 'Szczecin',
  'Tree', 'Were', 'Typewriter', 'Kafka', 'Dallas', 'Alaska', 'Quarterly', 'Deflect 30% of tickets', 'Mississippi rollout',
  'Bookkeeping team', 'Committee sign-off', 'Hawaii', 'Sales', 'Onboarding 50 agents', 'Tom Berg', 'Lisa',
  'Ali Khan | technical owner', 'Go-live: 2027-03-01', '30 days: Admins trained', '[high] Champion leaves in March',
  'No native Jira Server integration', 'No known risks — confirmed by Dana Lee on 2027-01-31',
];

describe('placeholder text detection', () => {
  it('has large tables on both sides', () => {
    expect(PLACEHOLDERS.length).toBeGreaterThanOrEqual(40);
    expect(REAL.length).toBeGreaterThanOrEqual(40);
  });

  it.each(PLACEHOLDERS.map((t) => [JSON.stringify(t), t]))('%s is a placeholder', (_, text) => {
    expect(isPlaceholderText(text)).toBe(true);
  });

  it.each(REAL.map((t) => [JSON.stringify(t), t]))('%s is real text', (_, text) => {
    expect(isPlaceholderText(text)).toBe(false);
  });

  it('empty text is missing, not a placeholder', () => {
    expect(isPlaceholderText('')).toBe(false);
    expect(isPlaceholderText('  \n\t\u200b ')).toBe(false);
  });
});

describe('keyboard mash and junk words', () => {
  const MASH = ['asdf', 'sdfgsdfg', 'jkljkl', 'qwertyuiop', 'zxcv', 'hjkl', 'asdfghjkl', 'qwerty', 'fdsa', 'lkjh', 'ytrewq', 'zxcvbnm', 'dfghdfgh', 'asdasd'];
  const WORDS = [
    'strengths', 'rhythms', 'krzysztof', 'nguyen', 'szczecin', 'flask', 'kafka', 'dallas', 'alaska', 'typewriter', 'tree',
    'were', 'quiet', 'pretty', 'router', 'property', 'equity', 'salad', 'glass', 'shall', 'hash', 'dash', 'flags', 'lass',
    'ask', 'add', 'wrocław', 'hjk', 'report', 'output', 'power', 'tower', 'require',
  ];
  it.each(MASH)('%s is keyboard mash', (w) => expect(isKeyboardMash(w)).toBe(true));
  it.each(WORDS)('%s is a word', (w) => {
    expect(isKeyboardMash(w)).toBe(false);
    expect(isJunkWord(w)).toBe(false);
  });
  it.each(['aaaa', 'xxx', 'zzzzzz', 'hahaha', 'abcabcabc', 'xyxyxy'])('%s is junk', (w) => expect(isJunkWord(w)).toBe(true));
  it.each(['iii', '1111', '2027', 'ab', 'cancan', 'tomtom', 'murmur'])('%s is not junk', (w) => expect(isJunkWord(w)).toBe(false));

  it('copes with huge words', () => {
    expect(isJunkWord('a'.repeat(1_000_000))).toBe(true);
    expect(isKeyboardMash('asdf'.repeat(250_000))).toBe(false); // too long to be typed mash: not judged
    expect(isPlaceholderText('asdf '.repeat(200_000))).toBe(true);
    expect(isPlaceholderText(`${'Real words about routing tickets. '.repeat(30_000)}TBD`)).toBe(false);
  });
});

describe('rule: placeholder', () => {
  it('flags a placeholder element with the rule severity and no line', () => {
    const e = evalWith({ useCase: 'T.B.D.' });
    expect(findings(e, 'placeholder', 'useCase')).toEqual([
      expect.objectContaining({ severity: 'block', element: 'useCase', rule: 'placeholder' }),
    ]);
    expect(findings(e, 'placeholder', 'useCase')[0]?.line).toBeUndefined();
    expect(findings(e, 'placeholder', 'useCase')[0]?.message).toContain('“T.B.D.”');
  });

  it('flags punctuation-only values', () => {
    const e = evalWith({ successMetric: ' . ' });
    expect(findings(e, 'placeholder', 'successMetric')).toHaveLength(1);
    expect(findings(e, 'missing-non-negotiable', 'successMetric')).toHaveLength(0);
  });

  it('flags one placeholder line among real lines of a list element, with its line number', () => {
    const e = evalWith({ stakeholders: 'Maria Lopez | champion\nTBD\nTom Berg | economic buyer' });
    expect(findings(e, 'placeholder', 'stakeholders').map((f) => f.line)).toEqual([2]);
    // and does not also complain that "TBD" has no role
    expect(findings(e, 'stakeholder-no-role')).toEqual([]);
  });

  it('judges lines only in list elements', () => {
    const e = evalWith({ useCase: `${'Route every support email for 300 agents through one queue.'}\nTBD` });
    expect(findings(e, 'placeholder')).toEqual([]);
  });

  it('does not call a bare "none" in the risk flags a placeholder: that is risk-none-unconfirmed', () => {
    for (const none of ['None', 'N/A', 'n/a', 'no risks', 'none yet']) {
      const e = evalWith({ riskFlags: none });
      expect(findings(e, 'placeholder', 'riskFlags'), none).toEqual([]);
      expect(findings(e, 'risk-none-unconfirmed'), none).toHaveLength(1);
    }
  });

  it('still calls TBD in the risk flags a placeholder', () => {
    const e = evalWith({ riskFlags: 'TBD' });
    expect(findings(e, 'placeholder', 'riskFlags')).toHaveLength(1);
  });

  it('a placeholder element is not also too short, unless the placeholder rule is off', () => {
    expect(findings(evalWith({ useCase: 'TBD' }), 'too-short')).toEqual([]);
    const off = evalWith({ useCase: 'TBD' }, { config: config({ placeholder: 'off' }) });
    expect(findings(off, 'placeholder')).toEqual([]);
    expect(findings(off, 'too-short', 'useCase')).toHaveLength(1);
  });

  it('does not flag real text in any element', () => {
    const e = evalWith({ knownGaps: 'Pending legal review of the DPA; NA and EMEA teams share one queue.' }, { ctx: CTX });
    expect(findings(e, 'placeholder')).toEqual([]);
  });
});
