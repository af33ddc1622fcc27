/**
 * fast-check generators for the line formats: well-formed parsed values (for round trips) and
 * hostile text (for fuzzing). Shared by the *.property.test.ts files.
 */
import fc from 'fast-check';
import {
  CERTAINTY_TIERS,
  STAKEHOLDER_ROLES,
  type HandoffPromise,
  type Milestone,
  type ParsedPromises,
  type ParsedRiskFlags,
  type ParsedStakeholders,
  type ParsedTimeline,
  type RiskFlag,
  type Stakeholder,
} from '@/lib/domain/items';
import { parseRole } from '@/lib/domain/stakeholders';

// ---- well-formed values -----------------------------------------------------

// Letters (some non-ASCII), digits and punctuation that no format uses as a separator.
const SAFE_CHARS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', ...'.\'&%#+?!$', 'é', 'ß', 'Ø', 'ñ', '日', '本', 'ﬁ'];
// The first letter of a text: never "n"/"N" (none, n/a, nothing), never a digit (list markers).
const FIRST_CHARS = [...'abcdefghijklmopqrstuvwxyzABCDEFGHIJKLMOPQRSTUVWXYZ', 'é', 'Ø', '日'];

const word = fc.string({ unit: fc.constantFrom(...SAFE_CHARS), minLength: 1, maxLength: 8 });
// First words that would be read as a label ("High: …", "Committed - …") once a separator follows.
const LABEL_WORDS = new Set(['high', 'medium', 'med', 'low', 'severity', 'committed', 'planned', 'exploring', 'verbal', 'unconfirmed']);

/** "Champion leaves in March"-like text: words separated by single spaces. */
export const safeText = fc
  .tuple(fc.constantFrom(...FIRST_CHARS), fc.array(word, { maxLength: 6 }))
  .map(([first, rest]) => [first + (rest[0] ?? ''), ...rest.slice(1)].join(' '))
  .filter((t) => !LABEL_WORDS.has(t.split(' ')[0]?.toLowerCase() ?? ''));

/** Text that may also hold ":", ",", "-", "(" — allowed inside a "|"-delimited field. */
export const fieldText = fc
  .tuple(safeText, fc.array(fc.tuple(fc.constantFrom(': ', ', ', ' - ', ' (', ') ', ' / ', ' on '), word), { maxLength: 3 }))
  .map(([head, tail]) => head + tail.map(([sep, w]) => sep + w).join(''))
  // "a) b" and "1) b" start with a list marker: a line cannot begin with that text.
  .filter((t) => !/^(?:[A-Za-z]|\d{1,3})[.)]\s/.test(t));

export const isoDate = fc
  .date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

export const riskFlag: fc.Arbitrary<RiskFlag> = fc.record({
  text: safeText,
  severity: fc.constantFrom('high', 'medium', 'low', null),
});

export const parsedRiskFlags: fc.Arbitrary<ParsedRiskFlags> = fc.record({
  flags: fc.array(riskFlag, { maxLength: 6 }),
  noRisksConfirmation: fc.option(fc.record({ confirmedBy: safeText, confirmedOn: isoDate })),
  unconfirmedNone: fc.boolean(),
  unparsed: fc.constant([]),
});

const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

export const handoffPromise: fc.Arbitrary<HandoffPromise> = fc.record({
  text: fieldText,
  tier: fc.constantFrom(...CERTAINTY_TIERS, null),
  owner: nullable(fieldText),
  due: nullable(isoDate),
  signOff: nullable(fieldText),
  promisedBy: nullable(fieldText),
  promisedOn: nullable(isoDate),
});

export const parsedPromises: fc.Arbitrary<ParsedPromises> = fc.record({
  promises: fc.array(handoffPromise, { maxLength: 6 }),
  unparsed: fc.constant([]),
});

const email = fc
  .tuple(word, fc.constantFrom('acme', 'globex', 'initech', 'ex-ample'), fc.constantFrom('com', 'io', 'co.uk'))
  .map(([local, domain, tld]) => `${local.replace(/[^A-Za-z0-9.]/g, 'x').replace(/^\.+|\.+$/g, '') || 'x'}@${domain}.${tld}`);

const notARole = (t: string) => parseRole(t) === null;

export const stakeholder: fc.Arbitrary<Stakeholder> = fc.record({
  name: safeText.filter(notARole),
  role: fc.constantFrom(...STAKEHOLDER_ROLES, null),
  email: nullable(email),
  note: nullable(fieldText.filter(notARole)),
});

export const parsedStakeholders: fc.Arbitrary<ParsedStakeholders> = fc.record({
  stakeholders: fc.array(stakeholder, { maxLength: 6 }),
  unparsed: fc.constant([]),
});

const milestone: fc.Arbitrary<Milestone> = fc.record({
  when: fc.oneof(
    fc.record({ kind: fc.constant('days' as const), days: fc.integer({ min: 1, max: 3650 }) }),
    fc.record({ kind: fc.constant('date' as const), date: isoDate }),
  ),
  text: fieldText,
});

/** Relative milestones first, then dated ones: the order parseTimeline returns. */
export const parsedTimeline: fc.Arbitrary<ParsedTimeline> = fc.record({
  goLive: nullable(isoDate),
  milestones: fc
    .array(milestone, { maxLength: 6 })
    .map((ms) => [...ms.filter((m) => m.when.kind === 'days'), ...ms.filter((m) => m.when.kind === 'date')]),
  unparsed: fc.constant([]),
});

// ---- hostile text -----------------------------------------------------------

/** Pieces that mean something to some parser, plus junk, to be glued together at random. */
const FRAGMENTS = [
  '|', '||', ';', ':', ',', ' - ', '-', '—', '–', ' / ', '(', ')', '[', ']', '<', '>', '@', '.', ' ', '  ', '\t',
  '- ', '* ', '• ', '1. ', '2) ', 'a) ', '+ ',
  '[high]', '(Medium)', 'Low:', 'HIGH -', 'high risk:', '[foo]',
  'none', 'None', 'No known risks', 'no risks', 'n/a', 'N/A', 'nothing', 'none identified', 'confirmed by', ' on ', 'On',
  '[committed]', '(planned)', 'Exploring:', 'unconfirmed verbal', 'Verbal -', 'tier: ', 'certainty:',
  'owner: ', 'due: ', 'due date:', 'date:', 'sign-off:', 'signed off by:', 'promised by:', 'by:', 'promised on:', 'on:',
  'champion', 'Champion', 'EB', 'exec sponsor', 'IT owner', 'admin', 'end user', 'role: ', 'other',
  'Go-live', 'go live', 'golive', 'Launch', '30 days', 'Day 60', '60d', '90-day', 'D30', 'day 0', '9999 days',
  '2027-03-01', '2027/03/01', '2027-02-30', '1 Mar 2027', 'March 1, 2027', 'Mar 1 2027', '03/04/2027', 'Q1',
  'jane@acme.com', '<jane@acme.com>', 'a@b', '@@', 'mailto:', 'Jane Doe', "O'Neil", 'Mary-Jane',
  '\u200b', '\u00ad', '\ufeff', '\u0000', '\u0007', '\u202e', 'é', '日本', '👩🏽‍💻', 'ﬁ',
  '<script>alert(1)</script>', '&amp;', '<b>', 'TBD', '???', '...',
];

export const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

const LINE_BREAKS = ['\n', '\r\n', '\r', '\u2028', '\u2029'];

/** A field's text: lines of fragments joined by any kind of line break. */
export const messyText = fc
  .array(
    fc.tuple(fc.array(fragment, { maxLength: 8 }).map((fs) => fs.join('')), fc.constantFrom(...LINE_BREAKS)),
    { maxLength: 8 },
  )
  .map((lines) => lines.map(([line, br]) => line + br).join(''));

/** Any text at all: ASCII, full Unicode, and the fragment soup. */
export const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  messyText,
);
