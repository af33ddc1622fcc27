import { normalizeForMatch } from '@/lib/domain/text';

/**
 * Vague commitment language: what reps say when they half-promise something ("we can definitely
 * work with you on that", "it's on the roadmap"). Matching runs on normalised text, so case,
 * apostrophes (' ’ ` ´), punctuation and spacing do not matter: "We’ll  figure it OUT" matches.
 */
const VAGUE_PHRASES = [
  'we can definitely work with you on that',
  'we can definitely work with you',
  'definitely work with you',
  'work with you on that',
  'we can definitely',
  'should be possible',
  'should be doable',
  'should be feasible',
  'should be fine',
  'should be able to',
  'should be ready',
  'should be available',
  'should work',
  'on the roadmap',
  'on our roadmap',
  'in the roadmap',
  'roadmap item',
  'coming soon',
  'very soon',
  'sometime soon',
  "we'll figure it out",
  'figure it out',
  'figure something out',
  'we will look into it',
  'look into it',
  'look into that',
  'looking into it',
  'in the pipeline',
  'in the works',
  'next release',
  'upcoming release',
  'future release',
  'a future version',
  'next version',
  'we can probably',
  'we could probably',
  'can probably',
  'probably possible',
  'no problem, we can',
  "no problem, we'll",
  "shouldn't be an issue",
  "shouldn't be a problem",
  'should not be an issue',
  'should not be a problem',
  "we'll make it work",
  'make it work',
  'down the road',
  'eventually',
  'at some point',
  'in the future',
  'hopefully',
  "we'll try",
  "we'll see",
  'see what we can do',
  "we'll do our best",
  'do our best',
  'best effort',
  "we'll sort it out",
  "we'll take care of it",
  "we'll take care of that",
  'happy to explore',
  'open to exploring',
  'we might be able to',
  'might be able to',
  'we may be able to',
  'we hope to',
  'can be arranged',
  "we'll get to it",
  'in a later phase',
  'on the list',
  'on our list',
  "we're working on it",
  'under consideration',
  "we'll consider",
  'discuss internally',
  "we'll get back to you",
  // German, French, Spanish
  'sollte möglich sein',
  'sollte kein Problem sein',
  'nächste Version',
  'in Zukunft',
  'devrait être possible',
  'pas de souci',
  'on verra',
  'prochaine version',
  'debería ser posible',
  'próxima versión',
] as const;

/** Spellings people use for the same words once normalised: "shouldn t" / "shouldnt", "we ll" / "we will". */
function variants(norm: string): string[] {
  const out = new Set([norm]);
  for (const v of [...out]) out.add(v.replace(/(?<=[a-z])n t(?= |$)/g, 'nt'));
  for (const v of [...out]) out.add(v.replace(/(?<=^| )(we|i|you) ll(?= |$)/g, '$1 will'));
  for (const v of [...out]) out.add(v.replace(/(?<=^| )we re(?= |$)/g, 'we are'));
  for (const v of [...out]) out.add(v.replace(/(?<=^| )should not(?= |$)/g, 'shouldnt'));
  return [...out];
}

const DISPLAY = new Map<string, string>();
for (const phrase of VAGUE_PHRASES) {
  for (const v of variants(normalizeForMatch(phrase))) if (!DISPLAY.has(v)) DISPLAY.set(v, phrase);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// One alternation of literals, longest first, bounded by word edges (start/end or one space in
// normalised text). No quantifier anywhere, so each start position costs at most the length of
// the longest phrase: linear in the text. ("(?:^| )" runs twice as fast as a look-behind here.)
const VAGUE_RE = new RegExp(
  `(?:^| )(${[...DISPLAY.keys()]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(escapeRegExp)
    .join('|')})(?= |$)`,
);

/** The first vague commitment phrase in normalised text (as Baton lists it), or null. */
export function findVaguePhrase(norm: string): string | null {
  const m = VAGUE_RE.exec(norm);
  if (m === null) return null;
  const phrase = m[1] ?? '';
  return DISPLAY.get(phrase) ?? phrase;
}

/** Convenience for raw text (tests, UI). */
export function hasVagueCommitment(text: string): boolean {
  return findVaguePhrase(normalizeForMatch(text)) !== null;
}
