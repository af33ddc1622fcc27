import { describe, expect, it } from 'vitest';
import { parseRole, parseStakeholders, serializeStakeholders } from '@/lib/domain/stakeholders';
import type { Stakeholder } from '@/lib/domain/items';

const person = (over: Partial<Stakeholder>): Stakeholder => ({ name: 'Jane Doe', role: null, email: null, note: null, ...over });
/** The single person a line describes (fails the test otherwise). */
const one = (line: string): Stakeholder => {
  const parsed = parseStakeholders(line);
  expect(parsed.unparsed).toEqual([]);
  expect(parsed.stakeholders).toHaveLength(1);
  return parsed.stakeholders[0] as Stakeholder;
};

describe('parseRole', () => {
  it.each([
    ['champion', 'champion'],
    ['Champion', 'champion'],
    ['economic buyer', 'economic buyer'],
    ['Economic-Buyer', 'economic buyer'],
    ['EB', 'economic buyer'],
    ['exec sponsor', 'executive sponsor'],
    ['Executive Sponsor', 'executive sponsor'],
    ['sponsor', 'executive sponsor'],
    ['tech owner', 'technical owner'],
    ['technical owner', 'technical owner'],
    ['Technical lead', 'technical owner'],
    ['IT owner', 'technical owner'],
    ['admin', 'admin'],
    ['Administrator', 'admin'],
    ['user', 'end user'],
    ['End user', 'end user'],
    ['other', 'other'],
    ['role: champion', 'champion'],
  ])('reads %j as %s', (text, role) => {
    expect(parseRole(text)).toBe(role);
  });

  it.each(['VP Ops', 'CFO', 'champion of the ops team and a long-time user of our product', '', 'Jane'])(
    'does not guess a role from %j',
    (text) => {
      expect(parseRole(text)).toBeNull();
    },
  );
});

describe('parseStakeholders', () => {
  it('reads the canonical line', () => {
    expect(one('Jane Doe | champion | jane@acme.com | runs the ops team')).toEqual(
      person({ role: 'champion', email: 'jane@acme.com', note: 'runs the ops team' }),
    );
  });

  it.each<[string, Partial<Stakeholder>]>([
    ['Jane Doe (Champion) - jane@acme.com - runs ops', { role: 'champion', email: 'jane@acme.com', note: 'runs ops' }],
    ['Jane Doe, economic buyer', { role: 'economic buyer' }],
    ['Jane Doe — EB', { role: 'economic buyer' }],
    ['Jane Doe—EB', { role: 'economic buyer' }],
    ['Jane Doe <jane@acme.com>', { email: 'jane@acme.com' }],
    ['Jane Doe <jane@acme.com>, exec sponsor', { role: 'executive sponsor', email: 'jane@acme.com' }],
    ['Jane Doe (mailto:jane@acme.com) / IT owner', { role: 'technical owner', email: 'jane@acme.com' }],
    ['Champion: Jane Doe', { role: 'champion' }],
    ['Champion: Jane Doe (EB)', { role: 'champion', note: 'EB' }],
    ['EB - Jane Doe - signs anything under 50k', { role: 'economic buyer', note: 'signs anything under 50k' }],
    ['Jane Doe\tadmin\tjane@acme.com', { role: 'admin', email: 'jane@acme.com' }],
    ['- Jane Doe: end user', { role: 'end user' }],
    ['Jane Doe | jane@acme.com | champion', { role: 'champion', email: 'jane@acme.com' }],
    ['Jane Doe - runs ops, loves the product - champion', { role: 'champion', note: 'runs ops, loves the product' }],
  ])('reads %j', (line, fields) => {
    expect(one(line)).toEqual(person(fields));
  });

  it('keeps a person with no recognisable role, with role null', () => {
    expect(one('Jane Doe')).toEqual(person({}));
    expect(one('Jane Doe, VP Operations')).toEqual(person({ note: 'VP Operations' }));
  });

  it('keeps initials, hyphens and apostrophes in names', () => {
    expect(one("J. R. O'Neil-Smith | admin").name).toBe("J. R. O'Neil-Smith");
    expect(one('Mary-Jane Watson, champion').name).toBe('Mary-Jane Watson');
  });

  it('uses the address as the name of a person known only by email', () => {
    expect(one('<jane@acme.com>')).toEqual(person({ name: 'jane@acme.com', email: 'jane@acme.com' }));
    expect(one('Admin | it@acme.com')).toEqual(person({ name: 'it@acme.com', role: 'admin', email: 'it@acme.com' }));
  });

  it('keeps a second address in the note rather than guessing', () => {
    expect(one('Jane Doe | jane@acme.com | cc: ops@acme.com')).toEqual(person({ email: 'jane@acme.com', note: 'cc: ops@acme.com' }));
  });

  it('does not guess which of two addresses in the name part is the person’s', () => {
    const line = 'Jane Doe jane@acme.com ops@acme.com | champion';
    const parsed = parseStakeholders(line);
    expect(parsed.stakeholders).toEqual([person({ name: 'Jane Doe jane@acme.com ops@acme.com', role: 'champion' })]);
    expect(parseStakeholders(serializeStakeholders(parsed))).toEqual(parsed);
  });

  it('reads a role split across two "|" pieces as that role', () => {
    // Joined as a note they would read "technical; owner", which names a role on the next read.
    expect(one('Raj Patel | technical | owner')).toEqual(person({ name: 'Raj Patel', role: 'technical owner' }));
  });

  it('does not take a trailing full stop into the address', () => {
    expect(one('Jane Doe jane@acme.com.').email).toBe('jane@acme.com');
  });

  it('reports lines without a name', () => {
    const parsed = parseStakeholders('Jane Doe | champion\nchampion\n| | EB\n!!!');
    expect(parsed.stakeholders).toHaveLength(1);
    expect(parsed.unparsed.map((u) => [u.line, u.text])).toEqual([
      [2, 'champion'],
      [3, '| | EB'],
      [4, '!!!'],
    ]);
    expect(parsed.unparsed[0]?.reason).toMatch(/no name.*Jane Doe \| champion/);
  });

  it('keeps HTML as text', () => {
    expect(one('<b>Jane</b> | champion')).toEqual(person({ name: '<b>Jane</b>', role: 'champion' }));
  });
});

describe('serializeStakeholders', () => {
  it('writes name, role, email, note, leaving out what is missing', () => {
    expect(
      serializeStakeholders({
        stakeholders: [
          person({ role: 'champion', email: 'jane@acme.com', note: 'runs the ops team' }),
          person({ name: 'Raj Patel', email: 'raj@acme.com' }),
          person({ name: 'Kim Lee' }),
        ],
        unparsed: [],
      }),
    ).toBe('Jane Doe | champion | jane@acme.com | runs the ops team\nRaj Patel | raj@acme.com\nKim Lee');
  });

  it('marks a lone name that would otherwise be split with a trailing "|"', () => {
    const text = serializeStakeholders({ stakeholders: [person({ name: 'Doe, Jane' })], unparsed: [] });
    expect(text).toBe('Doe, Jane |');
    expect(parseStakeholders(text).stakeholders).toEqual([person({ name: 'Doe, Jane' })]);
  });

  it('turns tolerant lines into canonical ones', () => {
    expect(serializeStakeholders(parseStakeholders('Jane Doe (Champion) - jane@acme.com - runs ops\nBob Roe — EB'))).toBe(
      'Jane Doe | champion | jane@acme.com | runs ops\nBob Roe | economic buyer',
    );
  });

  it('writes a person known only by address once', () => {
    expect(serializeStakeholders(parseStakeholders('<jane@acme.com>'))).toBe('jane@acme.com');
  });
});
