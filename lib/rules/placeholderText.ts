import { cleanText, normalizeForMatch } from '@/lib/domain/text';

/**
 * Recognises placeholder and junk text ("TBD", "N/A", "asdf", "see notes", "aaaa", "sdfgsdfg") in
 * text already normalised by normalizeForMatch (lower case, words separated by one space).
 *
 * A text is a placeholder when, word by word, it is made of placeholder words, junk and filler
 * ("will", "confirm", "later", "the customer" …) with at most a trivial remainder:
 *  - strong placeholders (TBD, TBC, asdf, lorem ipsum, see notes, keyboard mash …) tolerate up to
 *    MAX_REMAINDER real words: "TBD - will confirm later", "Rollout TBD";
 *  - junk (keyboard mash, repeated letters) tolerates MAX_JUNK_REMAINDER real word: "asdf test";
 *  - weak placeholders (none, pending, n/a, test, unknown …) and filler only count when nothing
 *    real is left: "Pending" is a placeholder, "Pending legal review of the DPA" is a risk.
 * A sentence with several real words is real text, whatever letters it contains.
 *
 * Every function here is linear in its input: one pass over the words, each word looked up in a
 * Map or checked character by character. The only regular expression applied to user text removes
 * spaces from texts of at most COMPACT_MAX characters.
 */

/** How placeholder-like a text is. */
export const enum PlaceholderLevel {
  None = 0,
  /** Only weak placeholder words (none, pending, n/a …) and filler. */
  Weak = 1,
  /** Strong placeholder words or junk, with at most a trivial remainder. */
  Strong = 2,
}

const enum Kind {
  Content = 0,
  Filler = 1,
  Weak = 2,
  Strong = 3,
}

/** Real words a placeholder word may carry along and still be a placeholder ("Rollout TBD"). */
const MAX_REMAINDER = 2;
/** Real words a junk word may carry along ("asdf test"); "Sass stylesheets for the portal" is real. */
const MAX_JUNK_REMAINDER = 1;

const STRONG_WORDS = [
  'tbd', 'tbc', 'tba', 'tbdl', 'tbcl', 'asdf', 'qwerty', 'qwertz', 'azerty', 'xxx', 'lorem', 'ipsum',
  'todo', 'fixme', 'placeholder', 'blah', 'blahblah', 'blabla', 'tobedetermined', 'tobeconfirmed',
  '未定', '未記入', '未入力', '待定', '要確認', '確認中',
];

const WEAK_WORDS = [
  'na', 'nil', 'null', 'none', 'nothing', 'nada', 'pending', 'unknown', 'unclear', 'undecided',
  'undefined', 'idk', 'dunno', 'test', 'testing', 'tests', 'dummy', 'sample', 'example', 'etc',
  'ditto', 'same', 'empty', 'blank', 'missing', 'wip', 'abc', 'xyz', 'foo', 'bla', 'ok', 'okay',
  'yes', 'no', 'nope', 'xx', 'nv', 'ka', 'néant', 'aucun', 'aucune', 'rien', 'offen', 'keine', 'kein',
  'nichts', 'unbekannt', 'なし', '特になし', '不明', '无', '暂无', 'ninguno',
];

/** Words that say nothing on their own: placeholders are padded with them. */
const FILLER_WORDS = [
  'a', 'an', 'the', 'to', 'be', 'been', 'is', 'are', 'was', 'will', 'would', 'shall', 'of', 'for',
  'with', 'and', 'or', 'on', 'at', 'in', 'by', 'it', 'this', 'that', 'we', 'i', 'us', 'they', 'our',
  'their', 'yet', 'still', 'more', 'so', 'far', 'as', 'per', 'from', 'after', 'when', 'once',
  'then', 'here', 'there', 'now', 'please', 'pls', 'plz', 'confirm', 'confirmed', 'confirming',
  'update', 'updated', 'updating', 'follow', 'following', 'up', 'add', 'added', 'fill', 'filled',
  'get', 'got', 'back', 'ask', 'asked', 'check', 'checking', 'need', 'needs', 'needed', 'discuss',
  'discussed', 'customer', 'client', 'prospect', 'notes', 'note', 'details', 'detail', 'info',
  'information', 'see', 'above', 'below', 'call', 'later', 'soon', 'determined', 'decided',
  'provided', 'provide', 'known', 'sure', 'use', 'case', 'success', 'metric', 'metrics', 'risk',
  'risks', 'flag', 'flags', 'why', 'bought', 'promise', 'promises', 'made', 'stakeholder',
  'stakeholders', 'timeline', 'gap', 'gaps', 'item', 'items', 'field', 'value', 'text', 'comes',
  'come', 'coming', 'do', 'done', 'not', 'any', 'all', 'some', 'time', 'moment', 'point',
];

/** Multi-word placeholders, written as people type them (normalised at module load). */
const STRONG_PHRASES = [
  'to be determined', 'to be confirmed', 'to be decided', 'to be defined', 'to be announced',
  'to be added', 'to be completed', 'to be updated', 'to be discussed', 'to be filled',
  'to be provided', 'lorem ipsum', 'dolor sit amet', 'see notes', 'see note', 'see above',
  'see below', 'same as above', 'same as before', 'same as previous', 'see opp', 'see oppty',
  'see opportunity', 'see attached', 'see attachment', 'see email', 'see description',
  'see comments', 'see chatter', 'see previous', 'will update', 'will add', 'will fill',
  'will confirm', 'will provide', 'fill in later', 'add later', 'update later', 'à définir',
  'a definir', 'à confirmer', 'a confirmer', 'voir ci-dessus', 'voir notes', 'wird nachgereicht',
  'noch offen', 'siehe oben', 'siehe notizen',
];

const WEAK_PHRASES = [
  'none yet', 'not applicable', 'not available', 'not sure', 'no idea', "don't know", 'dont know',
  'do not know', 'not known', 'not yet', 'nothing yet', 'no info', 'no information', 'no data',
  'not defined', 'not decided', 'not discussed', 'nicht bekannt', 'sans objet', 'à venir',
];

interface Phrase {
  /** Normalised phrase ("to be determined"). */
  text: string;
  kind: Kind;
}

/** What Baton knows about a word: its kind, and the phrases that start with it (longest first). */
interface WordInfo {
  kind: Kind;
  phrases: Phrase[] | null;
}

/** One lookup per word of the text. Words not in here are content (or junk). */
const WORDS = new Map<string, WordInfo>();
/** Whole values compared without spaces: "tbd", "tobedetermined", "na". */
const COMPACT_LEVEL = new Map<string, PlaceholderLevel>();

const levelOfKind = (kind: Kind): PlaceholderLevel =>
  kind === Kind.Strong ? PlaceholderLevel.Strong : PlaceholderLevel.Weak;

function addWord(word: string, kind: Kind): void {
  const w = normalizeForMatch(word);
  const info = WORDS.get(w);
  if (info === undefined) WORDS.set(w, { kind, phrases: null });
  else info.kind = Math.max(info.kind, kind);
  if (kind !== Kind.Filler) COMPACT_LEVEL.set(w, levelOfKind(kind));
}

function addPhrase(source: string, kind: Kind): void {
  const text = normalizeForMatch(source);
  const first = text.split(' ')[0] ?? '';
  let info = WORDS.get(first);
  if (info === undefined) WORDS.set(first, (info = { kind: Kind.Content, phrases: null }));
  info.phrases = [...(info.phrases ?? []), { text, kind }].sort((a, b) => b.text.length - a.text.length);
  COMPACT_LEVEL.set(text.replace(/ /g, ''), levelOfKind(kind));
}

/**
 * Every placeholder word and phrase Baton knows, as people type them, single words first. Read by
 * the server-side rule export, which keeps those a whole-value formula can match.
 */
export const PLACEHOLDER_VOCABULARY: readonly string[] = [...STRONG_WORDS, ...WEAK_WORDS, ...STRONG_PHRASES, ...WEAK_PHRASES];

for (const w of FILLER_WORDS) addWord(w, Kind.Filler);
for (const w of WEAK_WORDS) addWord(w, Kind.Weak);
for (const w of STRONG_WORDS) addWord(w, Kind.Strong);
for (const p of STRONG_PHRASES) addPhrase(p, Kind.Strong);
for (const p of WEAK_PHRASES) addPhrase(p, Kind.Weak);

// ---- junk words ---------------------------------------------------------------------------

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'] as const;
/**
 * Per row: shortest mash, and the share of moves between neighbouring keys it needs. The top row
 * has vowels and spells real words ("tree", "power", "router"), so there only a straight run of
 * five or more neighbours ("qwerty", "uiop…", "ytrewq") counts.
 */
const MIN_MASH = [5, 4, 4] as const;
const MIN_NEIGHBOURS = [1, 0.75, 0.75] as const;
const ROW_OF = new Int8Array(128).fill(-1);
const POS_OF = new Int8Array(128);
KEYBOARD_ROWS.forEach((row, r) => {
  for (let i = 0; i < row.length; i++) {
    ROW_OF[row.charCodeAt(i)] = r;
    POS_OF[row.charCodeAt(i)] = i;
  }
});

/**
 * Keyboard mash: a word typed on one keyboard row, mostly with neighbouring keys ("asdf",
 * "sdfgsdfg", "jkljkl", "qwertyuiop", "zxcv"). Real words rarely stay on one row *and* move
 * between neighbours: "flask", "Kafka", "Dallas", "typewriter", "Krzysztof" all fail one test.
 */
export function isKeyboardMash(word: string): boolean {
  const n = word.length;
  if (n < 4 || n > 64) return false;
  const c0 = word.charCodeAt(0);
  if (c0 >= 128) return false;
  const row = ROW_OF[c0] ?? -1;
  if (row < 0 || n < (MIN_MASH[row] ?? 4)) return false;
  let neighbours = 0;
  let prev = POS_OF[c0] ?? 0;
  for (let i = 1; i < n; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128 || ROW_OF[c] !== row) return false;
    const pos = POS_OF[c] ?? 0;
    if (Math.abs(pos - prev) <= 1) neighbours++;
    prev = pos;
  }
  return neighbours >= (MIN_NEIGHBOURS[row] ?? 1) * (n - 1);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Junk word: one letter repeated ("aaaa", "xxx", "zzzz"), a short pattern repeated ("hahaha",
 * "asdasdasd", "xyxyxy"), or keyboard mash. Roman numeral "iii" and digits are not junk.
 */
export function isJunkWord(word: string): boolean {
  const n = word.length;
  if (n < 3) return false;
  const c0 = word.charCodeAt(0);
  if (isDigit(c0)) return false;
  // one character repeated
  let same = true;
  for (let i = 1; i < n; i++) {
    if (word.charCodeAt(i) !== c0) {
      same = false;
      break;
    }
  }
  if (same) return !(n === 3 && c0 === 105); // "iii"
  // a pattern of 2–4 ASCII letters repeated at least three times
  if (n >= 6 && c0 < 128) {
    for (let p = 2; p <= 4 && 3 * p <= n; p++) {
      let periodic = true;
      for (let i = p; i < n; i++) {
        if (word.charCodeAt(i) !== word.charCodeAt(i - p)) {
          periodic = false;
          break;
        }
      }
      if (periodic) return true;
    }
  }
  return isKeyboardMash(word);
}

// ---- classification -----------------------------------------------------------------------

const SPACE = 32;
const SPACES = / /g;

/**
 * Texts of at most COMPACT_MAX characters and COMPACT_SPACES spaces are also judged without their
 * spaces ("to bedetermined", "asd fgh"); longer ones are sentences, judged word by word.
 */
const COMPACT_MAX = 16;
const COMPACT_SPACES = 3;

function fewSpaces(norm: string): boolean {
  let spaces = 0;
  for (let i = norm.indexOf(' '); i !== -1; i = norm.indexOf(' ', i + 1)) if (++spaces > COMPACT_SPACES) return false;
  return true;
}

function isSingleLetterAt(norm: string, pos: number): boolean {
  const n = norm.length;
  return pos < n && !isDigit(norm.charCodeAt(pos)) && (pos + 1 === n || norm.charCodeAt(pos + 1) === SPACE);
}

/**
 * How placeholder-like normalised text is (see the module comment). '' is not a placeholder.
 *
 * One forward scan over the words (indexOf, no split, no per-call closures), which stops as soon
 * as there are more real words than a placeholder may carry: real text is decided after a few
 * words, and a 1 MB placeholder is read once.
 */
export function placeholderLevel(norm: string): PlaceholderLevel {
  const n = norm.length;
  if (n === 0) return PlaceholderLevel.None;
  const level = wordLevel(norm);
  if (level !== PlaceholderLevel.None || n > COMPACT_MAX || !fewSpaces(norm)) return level;
  // A short text that reads as real word by word may still be a placeholder without its
  // spaces: "tb d", "to bedetermined", "asd fgh".
  const compact = norm.replace(SPACES, '');
  const compactLevel = COMPACT_LEVEL.get(compact);
  if (compactLevel !== undefined) return compactLevel;
  return isJunkWord(compact) ? PlaceholderLevel.Strong : PlaceholderLevel.None;
}

/** The word-by-word judgement of placeholderLevel. */
function wordLevel(norm: string): PlaceholderLevel {
  const n = norm.length;
  let content = 0;
  let strong = 0;
  let junk = 0;
  let weak = 0;
  let pos = 0;
  while (pos < n) {
    let end = norm.indexOf(' ', pos);
    if (end === -1) end = n;
    let word = norm.slice(pos, end);
    let info = WORDS.get(word);

    let phrase: Phrase | undefined;
    if (info !== undefined && info.phrases !== null) {
      for (const p of info.phrases) {
        const after = pos + p.text.length;
        if (norm.startsWith(p.text, pos) && (after === n || norm.charCodeAt(after) === SPACE)) {
          phrase = p;
          break;
        }
      }
    }
    if (phrase !== undefined) {
      if (phrase.kind === Kind.Strong) strong++;
      else weak++;
      pos += phrase.text.length + 1;
      continue;
    }

    // Runs of single letters are one word: "t b d" → "tbd", "n a" → "na". Digits stay apart.
    if (end - pos === 1 && !isDigit(norm.charCodeAt(pos)) && isSingleLetterAt(norm, end + 1)) {
      while (isSingleLetterAt(norm, end + 1)) {
        word += norm[end + 1] ?? '';
        end += 2;
      }
      info = WORDS.get(word);
    }

    const kind = info?.kind ?? Kind.Content;
    if (kind === Kind.Strong) strong++;
    else if (kind === Kind.Weak || (word.length === 1 && !isDigit(word.charCodeAt(0)))) weak++;
    else if (kind === Kind.Content) {
      if (isJunkWord(word)) junk++;
      else if (++content > MAX_REMAINDER) return PlaceholderLevel.None;
    }
    pos = end + 1;
  }
  if (strong > 0 || (junk > 0 && content <= MAX_JUNK_REMAINDER)) return PlaceholderLevel.Strong;
  // Nothing real at all: placeholder and filler words only ("details to follow", "ask customer").
  if (content === 0) return PlaceholderLevel.Weak;
  return PlaceholderLevel.None;
}

/**
 * Convenience for raw text (tests, UI): placeholder words or junk, or something typed that has no
 * letter or digit at all (".", "-", "???"). Empty text is missing, not a placeholder.
 */
export function isPlaceholderText(text: string): boolean {
  const norm = normalizeForMatch(text);
  if (norm === '') return cleanText(text).trim() !== '';
  return placeholderLevel(norm) !== PlaceholderLevel.None;
}
