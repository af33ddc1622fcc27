import type { ElementKey } from '@/lib/domain/elements';
import { cleanText } from '@/lib/domain/text';

/** Shared wording for findings: how each element is named in a sentence, and what good looks like. */

/** The element as the subject of a sentence (singular: "The risk flags field is …"). */
export const SUBJECT: Record<ElementKey, string> = {
  useCase: 'The use case',
  successMetric: 'The success metric',
  riskFlags: 'The risk flags field',
  whyBought: 'The “Why they bought” field',
  promises: 'The promises field',
  stakeholders: 'The stakeholders field',
  timeline: 'The timeline',
  knownGaps: 'The known gaps field',
};

/** The element inside a sentence ("copied from the use case"). */
export const OBJECT: Record<ElementKey, string> = {
  useCase: 'the use case',
  successMetric: 'the success metric',
  riskFlags: 'the risk flags',
  whyBought: '“Why they bought”',
  promises: 'the promises',
  stakeholders: 'the stakeholders',
  timeline: 'the timeline',
  knownGaps: 'the known gaps',
};

/** Why CS needs the element: ends "… so <consequence>." sentences. */
export const CONSEQUENCE: Record<ElementKey, string> = {
  useCase: 'CS won’t know what the customer bought this for',
  successMetric: 'nobody can tell later whether the customer got what they paid for',
  riskFlags: 'CS won’t know what could derail this account',
  whyBought: 'CS won’t know which problem this deal is meant to solve',
  promises: 'CS won’t know what was promised during the sale',
  stakeholders: 'CS won’t know who to talk to',
  timeline: 'CS won’t know when the customer expects to go live',
  knownGaps: 'CS may be surprised by gaps the customer already knows about',
};

/** What to write, with an example: the fix of "missing", "placeholder" and "too short" findings. */
export const HOW_TO_WRITE: Record<ElementKey, string> = {
  useCase:
    'Describe what the customer will use the product for, who uses it and at what scale, e.g. “Route all support email for 300 agents in EMEA through one queue”.',
  successMetric:
    'Write the measurable outcome with a target and a date, e.g. “Cut onboarding time from 10 to 4 days by 2027-06-30”.',
  riskFlags:
    'List each risk on its own line, e.g. “[high] Champion leaves in March”; if there are none, write “No known risks — confirmed by <name> on <date>”.',
  whyBought:
    'Write the customer’s reason to buy in a sentence or two, e.g. “Ticket backlog doubled after the merger and the old tool cannot route by region”.',
  promises:
    'List each promise on its own line with a certainty tier, e.g. “[committed] SSO live before go-live | owner: Dana Lee | due: 2027-02-01 | sign-off: VP CS”.',
  stakeholders:
    'List each person on their own line with their role, e.g. “Jane Doe | champion | jane@acme.com”.',
  timeline: 'Add the go-live date and milestones, e.g. “Go-live: 2027-03-01” and “30 days: Admins trained”.',
  knownGaps:
    'List what the customer asked for that the product does not do, e.g. “No native Jira Server integration; customer accepted the cloud connector”.',
};

/** What one line of a list element should look like (fix of line findings). */
export const LINE_EXAMPLE: Record<ElementKey, string> = {
  useCase: HOW_TO_WRITE.useCase,
  successMetric: HOW_TO_WRITE.successMetric,
  riskFlags: 'Replace the line with a real risk, e.g. “[high] Champion leaves in March”, or delete it.',
  whyBought: HOW_TO_WRITE.whyBought,
  promises:
    'Replace the line with a real promise, e.g. “[planned] Slack alerts for escalations”, or delete it.',
  stakeholders: 'Replace the line with a real person and role, e.g. “Jane Doe | champion”, or delete it.',
  timeline: 'Replace the line with a real milestone, e.g. “30 days: Admins trained”, or delete it.',
  knownGaps: HOW_TO_WRITE.knownGaps,
};

const QUOTE_MAX = 40;

/**
 * User text quoted inside a message: one line, at most QUOTE_MAX characters, never cut inside a
 * surrogate pair. Unlike dates.ts `quote`, only a bounded head of the text is read, because
 * rules quote lines of any size.
 */
export function shown(text: string): string {
  const truncated = text.length > QUOTE_MAX * 4;
  let t = cleanText(text.slice(0, QUOTE_MAX * 4)).replace(/\s+/g, ' ').trim();
  let cut = truncated;
  if (t.length > QUOTE_MAX) {
    const code = t.charCodeAt(QUOTE_MAX - 1);
    t = t.slice(0, code >= 0xd800 && code <= 0xdbff ? QUOTE_MAX - 1 : QUOTE_MAX).trimEnd();
    cut = true;
  }
  return `“${t}${cut ? '…' : ''}”`;
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
