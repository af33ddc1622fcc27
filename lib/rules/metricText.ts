import { normalizeForMatch } from '@/lib/domain/text';

/**
 * What makes a success metric checkable later: a number (the target) and a time bound (by when).
 * Both tests run on normalised text (lower case, words separated by one space: "2027-03-31" is
 * "2027 03 31", "go-live" is "go live", "EOY." is "eoy").
 *
 * The time-bound pattern is one alternation of bounded pieces (`\d{1,4}`, fixed word lists, optional
 * single words): no unbounded quantifier, so each start position costs a bounded amount of work
 * and a 1 MB metric is still linear.
 */

const NUM =
  '(?:\\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|forty|forty five|fifty|sixty|ninety|hundred)';
const UNIT =
  '(?:day|days|week|weeks|wk|wks|month|months|mo|mos|quarter|quarters|qtr|qtrs|year|years|yr|yrs|business days|working days)';
const MONTH =
  '(?:jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)';
const PERIOD =
  '(?:year|the year|quarter|the quarter|month|the month|fiscal year|the fiscal year|fiscal|fy|q[1-4]|h[12]|pilot|the pilot|contract|the contract|term|first year|the first year|trial|the trial|project|implementation|onboarding|rollout|the rollout)';
const EVENT =
  '(?:go live|golive|launch|renewal|first renewal|kickoff|kick off|cutover|cut over|first qbr|qbr|ebr|contract end|end of contract|pilot end|end of pilot|end of the pilot|anniversary|first anniversary|rollout|roll out|completion|handover|hand off|signature|contract signature)';

// Longer forms first: an alternation takes the first alternative that matches, and "2027 03 31"
// must be read as one date, not as the year 2027 followed by two numbers.
const WORD_BOUNDED = [
  // within 90 days, in 6 months, at 90 days, first 30 days, over the next 12 months
  `(?:within|in|inside|after|at|by|over|under|first|next|past|initial|during)(?: the)?(?: first| next| initial)? ${NUM} ${UNIT}`,
  // 90 days after go-live, 30 days post launch, 6 months into the contract
  `${NUM} ${UNIT} (?:after|post|following|since|into)`,
  // day 90, by month 3, year one
  '(?:day|week|month|quarter|year) (?:\\d{1,4}|one|two|three|four|five|six|twelve)',
  // 2027 03 31 (ISO), 31 03 2027
  '\\d{4} \\d{1,2} \\d{1,2}',
  '\\d{1,2} \\d{1,2} \\d{4}',
  // Q3, H2, FY27, FY 2027
  'q[1-4]',
  'h[12]',
  '[1-4]q',
  'fy ?\\d{2,4}',
  'cy ?\\d{2,4}',
  // a year: 2020–2049 (2000 users is a count, not a year)
  '20[2-4]\\d',
  // March 2027, March 31, 31 March, 31st of March, by March, end of June
  `${MONTH} \\d{1,4}`,
  `\\d{1,2}(?:st|nd|rd|th)?(?: of)? ${MONTH}`,
  `(?:by|in|before|until|till|through|early|mid|late|end of|start of|beginning of|middle of) ${MONTH}`,
  // EOY, EOQ, end of Q2, by the end of the year, year end
  '(?:eoy|eoq|eom|eofy|eoh|ytd)',
  `(?:end|close|start|beginning|middle|mid|half|rest) of (?:this |next )?${PERIOD}`,
  '(?:year|quarter|month|fiscal year|fy) end',
  '(?:this|next|coming|first|second|following) (?:year|quarter|month|fiscal year|fy|half|week|weeks|months)',
  // by go-live, before renewal, at the first QBR
  `(?:by|before|at|until|till|prior to|ahead of|after|post|upon|on|of)(?: the)?(?: first)? ${EVENT}`,
  // German, French, Spanish: innerhalb von 90 Tagen, dans 90 jours, en 6 meses, bis Ende
  '(?:innerhalb von|innerhalb|binnen|nach|dans|sous|en|d ici|dentro de|en los próximos) (?:les )?\\d{1,4} (?:tagen|tage|wochen|monaten|monate|jahren|jours|semaines|mois|ans|días|dias|semanas|meses|años)',
  '(?:bis ende|bis zum|d ici fin|d ici la fin|avant la fin|avant fin|fin de l année|fin d année|finales de|antes de fin)',
];

// CJK text has no spaces between words, so these are not bounded by spaces:
// 2027年, 3月, 90日以内, 6か月以内, 年度末
const UNBOUNDED = [
  '\\d{4}年',
  '\\d{1,2}月',
  '\\d{1,4}(?:日|週間|か月|ヶ月|カ月|ヵ月|个月|年)(?:以内|内|後|后)',
  '年度末|年末|期末|四半期|上半期|下半期',
];

const WORD_SOURCE = `(?:^| )(?:${WORD_BOUNDED.join('|')})(?= |$)`;
const TIME_RE = new RegExp(WORD_SOURCE);
const TIME_RE_GLOBAL = new RegExp(WORD_SOURCE, 'g');
const CJK_TIME_RE = new RegExp(UNBOUNDED.join('|'));
const CJK_TIME_RE_GLOBAL = new RegExp(UNBOUNDED.join('|'), 'g');
const HAS_CJK = /[\u3000-\u9fff]/;

const NUMBER_WORDS =
  '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|half|halve|halved|halving|double|doubled|doubling|triple|tripled|twice|thrice|quadruple|dozen|tenfold|twofold|threefold|percent|hälfte|halbieren|verdoppeln|moitié|doubler|mitad|duplicar)';
const NUMBER_RE = new RegExp(`\\d|(?:^| )${NUMBER_WORDS}(?= |$)|[一二三四五六七八九十百千万半倍]`);

export interface MetricShape {
  /** A target number that is not just part of the time bound. */
  number: boolean;
  /** A date, a quarter, a duration or a deadline event: by when. */
  timeBound: boolean;
}

/**
 * The shape of a normalised success metric. Numbers inside the time bound do not count as the
 * target: "within 90 days" and "Q3 2027" are deadlines, so "Improve onboarding by Q3 2027" has no
 * number. Each pattern runs at most twice (test, then replace when it matched).
 */
export function metricShapeOfNorm(norm: string): MetricShape {
  let rest = norm;
  let timeBound = false;
  if (TIME_RE.test(norm)) {
    timeBound = true;
    rest = rest.replace(TIME_RE_GLOBAL, ' ');
  }
  if (HAS_CJK.test(norm) && CJK_TIME_RE.test(rest)) {
    timeBound = true;
    rest = rest.replace(CJK_TIME_RE_GLOBAL, ' ');
  }
  return { number: NUMBER_RE.test(rest), timeBound };
}

/** Convenience for raw text (tests, UI). */
export function metricShape(text: string): MetricShape {
  return metricShapeOfNorm(normalizeForMatch(text));
}
