import type { AuditPolicy } from '@/lib/domain/authorship';
import { ListField } from './ListField';
import type { SectionProps } from './sectionProps';

type ListKey = keyof AuditPolicy;

const PEOPLE_HINT = 'One a line: an email address, a Salesforce User Id (005…) or a HubSpot owner id.';
const GROUP_HINT = 'One a line: a Salesforce role or profile name, or a HubSpot team name (any case).';

/** The first problem with a list: its own (a duplicate) or an entry's, said with the entry's line. */
export function listError(errors: ReadonlyMap<string, string>, key: ListKey): string | undefined {
  const own = errors.get(`audit.${key}`);
  if (own) return own;
  for (const [path, message] of errors) {
    const line = new RegExp(`^audit\\.${key}\\.(\\d+)$`).exec(path)?.[1];
    if (line !== undefined) return `Line ${Number(line) + 1}: ${message}`;
  }
  return undefined;
}

/**
 * Whose acknowledgements and reviews count in the manager console. Anyone can type a record's
 * subject into the CRM; who the CRM says wrote it decides. Empty lists: anyone but the deal owner.
 */
export function AuditSection({ draft, errors, lockedReason, update }: SectionProps) {
  const field = (key: ListKey, label: string, hint: string) => (
    <ListField
      label={label}
      hint={hint}
      value={draft.audit[key]}
      error={listError(errors, key)}
      lockedReason={lockedReason(['audit', key])}
      onChange={(value) => update(['audit', key], value)}
    />
  );
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">Who may acknowledge and review</h2>
      <p>
        The manager console counts a CS acknowledgement only when someone other than the deal owner wrote it, and a
        review only from a reviewer who does not own the deal. Name people or groups here to count only theirs; leave
        both lists of a kind empty to accept anyone but the deal owner. Records that do not count stay listed, marked.
      </p>
      <fieldset>
        <legend>CS acknowledgements count from</legend>
        <div className="grid">
          {field('csUsers', 'CS users', PEOPLE_HINT)}
          {field('csGroups', 'CS roles, profiles or teams', GROUP_HINT)}
        </div>
      </fieldset>
      <fieldset>
        <legend>Reviews count from</legend>
        <div className="grid">
          {field('reviewers', 'Reviewers', PEOPLE_HINT)}
          {field('reviewerGroups', 'Reviewer roles, profiles or teams', GROUP_HINT)}
        </div>
      </fieldset>
    </section>
  );
}
