/**
 * Stakeholders, one person per line: name, role, email, note.
 *
 *   Jane Doe | champion | jane@acme.com | runs the ops team      (canonical)
 *   Jane Doe (Champion) - jane@acme.com - runs ops                (tolerated)
 *   Jane Doe, economic buyer / Jane Doe — EB / Champion: Jane Doe / Jane Doe <jane@acme.com>
 *
 * A person without a recognisable role is kept with role null: the rules ask for one.
 */
import { STAKEHOLDER_ROLES, type ParsedStakeholders, type Stakeholder, type StakeholderRole } from '@/lib/domain/items';
import { isBlank, normalizeForMatch } from '@/lib/domain/text';
import {
  contentLines,
  NO_WORDS_REASON,
  stripListMarkers,
  trimSeparators,
  unparsed,
} from '@/lib/domain/lineFormat';

const ROLE_SYNONYMS: Record<string, StakeholderRole> = {
  ...Object.fromEntries(STAKEHOLDER_ROLES.map((r) => [r, r])),
  champ: 'champion', 'internal champion': 'champion',
  eb: 'economic buyer', buyer: 'economic buyer', 'budget holder': 'economic buyer', 'budget owner': 'economic buyer',
  'exec sponsor': 'executive sponsor', sponsor: 'executive sponsor', 'executive sponsor': 'executive sponsor',
  'tech owner': 'technical owner', 'technical lead': 'technical owner', 'tech lead': 'technical owner',
  'it owner': 'technical owner', 'it lead': 'technical owner', 'technical contact': 'technical owner',
  administrator: 'admin', 'system admin': 'admin', 'system administrator': 'admin', sysadmin: 'admin',
  user: 'end user', users: 'end user', 'end users': 'end user',
};

/** A role is a few words; anything longer is a note, and the bound keeps the work small. */
const MAX_ROLE_CHARS = 40;

/** The role a short text names ("EB", "Exec sponsor", "role: champion"), or null. */
export function parseRole(text: string): StakeholderRole | null {
  if (text.length > MAX_ROLE_CHARS) return null;
  let key = normalizeForMatch(text);
  if (key.startsWith('role ')) key = key.slice(5);
  return ROLE_SYNONYMS[key] ?? null;
}

// ---- email: a linear scan, no backtracking ----------------------------------

const MAX_EMAIL = 254;
// Local part, "@", dot-separated domain labels ending in letters. The character classes never
// overlap the "." and "@" that delimit them, so backtracking is at most one step per label, and
// the regex only ever sees text of at most MAX_EMAIL characters.
const EMAIL = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
const LOCAL_CHAR = /[A-Za-z0-9._%+'-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;
const WRAPPERS: Record<string, string> = { '<': '>', '(': ')', '[': ']' };

const isEmail = (s: string) => s.length <= MAX_EMAIL && EMAIL.test(s);

/** The email when a whole piece is one address ("jane@acme.com", "<jane@acme.com>", "mailto:…"). */
function wholeEmail(piece: string): string | null {
  let t = piece.trim();
  const close = WRAPPERS[t[0] ?? ''];
  if (close !== undefined && t.endsWith(close)) t = t.slice(1, -1).trim();
  if (t.toLowerCase().startsWith('mailto:')) t = t.slice(7);
  return isEmail(t) ? t : null;
}

/**
 * Takes the address out of "Jane Doe <jane@acme.com>". Only when the text has exactly one "@":
 * with two, which one is the person's is a guess, and a guess would not read back the same.
 */
function takeEmbeddedEmail(s: string): { email: string; rest: string } | null {
  const at = s.indexOf('@');
  if (at === -1 || at !== s.lastIndexOf('@')) return null;
  let start = at;
  while (start > 0 && LOCAL_CHAR.test(s[start - 1] ?? '')) start--;
  while (s[start] === '.') start++;
  let end = at + 1;
  while (end < s.length && DOMAIN_CHAR.test(s[end] ?? '')) end++;
  while (end > at + 1 && (s[end - 1] === '.' || s[end - 1] === '-')) end--; // "…acme.com." ends a sentence
  const email = s.slice(start, end);
  if (!isEmail(email)) return null;
  if (s.slice(Math.max(0, start - 7), start).toLowerCase() === 'mailto:') start -= 7;
  const open = s[start - 1];
  if (open !== undefined && WRAPPERS[open] !== undefined && s[end] === WRAPPERS[open]) {
    start--;
    end++;
  }
  return { email, rest: joinAround(s.slice(0, start), s.slice(end)) };
}

function joinAround(before: string, after: string): string {
  const a = before.trimEnd();
  const b = after.trimStart();
  return a === '' || b === '' ? a + b : `${a} ${b}`;
}

/** Takes "(Champion)" out of "Jane Doe (Champion)"; only when exactly one "(…)" names a role. */
function takeParenRole(s: string): { role: StakeholderRole; typed: string; rest: string } | null {
  let found: { role: StakeholderRole; open: number; close: number } | null = null;
  let pos = 0;
  for (;;) {
    const open = s.indexOf('(', pos);
    if (open === -1) break;
    const close = s.indexOf(')', open + 1);
    if (close === -1) break;
    const role = parseRole(s.slice(open + 1, close));
    if (role !== null) {
      if (found !== null) return null;
      found = { role, open, close };
    }
    pos = close + 1;
  }
  if (found === null) return null;
  const typed = s.slice(found.open + 1, found.close).trim();
  return { role: found.role, typed, rest: joinAround(s.slice(0, found.open), s.slice(found.close + 1)) };
}

// ---- pieces of a line ---------------------------------------------------------

interface Piece {
  text: string; // trimmed, never empty
  glue: string; // what was typed between the previous piece and this one; used to rebuild a note
}

// Without "|", people separate with dashes, commas and the like. Longest first: " - " before "-".
const LOOSE_SEPARATORS = [' - ', ' – ', ' — ', '—', '–', ',', ';', ':', ' / ', '\t'];

/** "|" when the line has one (canonical form), else the loose separators. One pass, linear. */
function pieces(body: string): Piece[] {
  const ranges: Array<[number, number]> = [];
  const canonical = body.includes('|');
  if (canonical) {
    let start = 0;
    for (let bar = body.indexOf('|'); bar !== -1; bar = body.indexOf('|', start)) {
      ranges.push([start, bar]);
      start = bar + 1;
    }
    ranges.push([start, body.length]);
  } else {
    let start = 0;
    for (let i = 0; i < body.length; ) {
      const sep = LOOSE_SEPARATORS.find((s) => body.startsWith(s, i));
      if (sep === undefined || (sep === ':' && body.slice(Math.max(0, i - 6), i).toLowerCase() === 'mailto')) {
        i++;
        continue;
      }
      ranges.push([start, i]);
      i += sep.length;
      start = i;
    }
    ranges.push([start, body.length]);
  }
  const out: Piece[] = [];
  let previousEnd = 0;
  for (const [from, to] of ranges) {
    let a = from;
    let b = to;
    while (a < b && /\s/.test(body[a] ?? '')) a++;
    while (b > a && /\s/.test(body[b - 1] ?? '')) b--;
    if (a === b) continue;
    // Notes from "|" pieces are joined with "; " ("|" cannot be inside a field); loose pieces keep
    // exactly what separated them, so "runs ops, loves us" reads back as typed.
    out.push({ text: body.slice(a, b), glue: canonical ? '; ' : body.slice(previousEnd, a) });
    previousEnd = b;
  }
  return out;
}

type LineResult = { ok: Stakeholder } | { problem: string };

const NAME_EXAMPLE = 'Jane Doe | champion | jane@acme.com | runs the ops team';

function parseLine(body: string): LineResult {
  const all = pieces(body);
  let role: StakeholderRole | null = null;
  let email: string | null = null;
  const notes: Piece[] = [];

  let next = 0;
  const firstRole = all[0] === undefined ? null : parseRole(all[0].text);
  if (firstRole !== null) {
    role = firstRole; // "Champion: Jane Doe"
    next = 1;
  }
  let name = '';
  const candidate = all[next];
  if (candidate !== undefined && parseRole(candidate.text) === null && wholeEmail(candidate.text) === null) {
    next++;
    name = candidate.text;
    const withEmail = takeEmbeddedEmail(name);
    if (withEmail !== null) ({ email, rest: name } = withEmail);
    const withRole = takeParenRole(name);
    if (withRole !== null) {
      name = withRole.rest;
      if (role === null) role = withRole.role;
      else notes.push({ text: withRole.typed, glue: '; ' });
    }
    // Separators and markers can hide behind a "|" ("| 1. Jane") or a role ("Champion: - Jane");
    // a name starting with one would lose it when written back at the start of a line.
    name = stripListMarkers(trimSeparators(name), true);
    if (isBlank(name)) name = ''; // "???" is no name
    // What is left may be only a role ("Champion <jane@acme.com>"): then there is no name.
    const nameRole = parseRole(name);
    if (nameRole !== null) {
      if (role === null) role = nameRole;
      else notes.push({ text: name, glue: '; ' });
      name = '';
    }
  }

  for (const piece of all.slice(next)) {
    const pieceEmail = email === null ? wholeEmail(piece.text) : null;
    const pieceRole = role === null ? parseRole(piece.text) : null;
    if (pieceEmail !== null) email = pieceEmail;
    else if (pieceRole !== null) role = pieceRole;
    else notes.push(piece);
  }

  if (name === '') {
    if (email === null) return { problem: `Baton found no name on this line. Write it like: ${NAME_EXAMPLE}.` };
    name = email; // a person known only by address is still a person
  }
  let note = notes.map((p, i) => (i === 0 ? p.text : p.glue + p.text)).join('').trim();
  // "technical | owner" joins into the note "technical; owner", which names a role: take it as
  // the role, which is what the rep meant and what the note would read back as.
  const noteRole = role === null ? parseRole(note) : null;
  if (noteRole !== null) {
    role = noteRole;
    note = '';
  }
  return { ok: { name, role, email, note: note === '' ? null : note } };
}

export function parseStakeholders(text: string): ParsedStakeholders {
  const result: ParsedStakeholders = { stakeholders: [], unparsed: [] };
  for (const source of contentLines(text)) {
    if (isBlank(source.body)) {
      result.unparsed.push(unparsed(source, NO_WORDS_REASON));
      continue;
    }
    const line = parseLine(source.body);
    if ('ok' in line) result.stakeholders.push(line.ok);
    else result.unparsed.push(unparsed(source, line.problem));
  }
  return result;
}

const sameStakeholder = (a: Stakeholder | undefined, b: Stakeholder) =>
  a !== undefined && a.name === b.name && a.role === b.role && a.email === b.email && a.note === b.note;

export function serializeStakeholder(s: Stakeholder): string {
  const parts = [s.name];
  if (s.role !== null) parts.push(s.role);
  if (s.email !== null && s.email !== s.name) parts.push(s.email);
  if (s.note !== null) parts.push(s.note);
  const line = parts.join(' | ');
  if (parts.length > 1) return line;
  // A lone name is read with the loose separators ("Doe, Jane" would split); a trailing "|"
  // marks it as the canonical form when it would not read back as written.
  const back = parseStakeholders(line);
  return back.stakeholders.length === 1 && sameStakeholder(back.stakeholders[0], s) ? line : `${line} |`;
}

/** Canonical text, one person per line. Unparsed lines are not written: they are the caller's to keep or show. */
export function serializeStakeholders(p: ParsedStakeholders): string {
  return p.stakeholders.map(serializeStakeholder).join('\n');
}
