import { ELEMENT_KEYS, ELEMENT_LABELS, isNonNegotiable } from '@/lib/domain/elements';
import { TextField } from '@/components/ui/TextField';
import type { SectionProps } from './sectionProps';

const CRMS = [
  { key: 'salesforce', title: 'Salesforce Opportunity field (API name)' },
  { key: 'hubspot', title: 'HubSpot deal property (internal name)' },
] as const;

/** One row per handoff element, with the CRM field it lives in for each CRM. */
export function MappingsSection({ draft, errors, lockedReason, update }: SectionProps) {
  return (
    <section aria-labelledby="mappings-heading">
      <h2 id="mappings-heading">Field mappings</h2>
      <p>Where each part of the handoff lives in your CRM. Baton reads and writes only these fields.</p>
      {CRMS.map(({ key, title }) => (
        <fieldset key={key}>
          <legend>{title}</legend>
          <div className="grid">
            {ELEMENT_KEYS.map((element) => {
              const path = ['fieldMappings', key, element] as const;
              const label = `${ELEMENT_LABELS[element]}${isNonNegotiable(element) ? ' (required)' : ''} — ${
                key === 'salesforce' ? 'Salesforce' : 'HubSpot'
              }`;
              return (
                <TextField
                  key={element}
                  label={label}
                  spellCheck={false}
                  value={draft.fieldMappings[key][element]}
                  error={errors.get(path.join('.'))}
                  lockedReason={lockedReason(path)}
                  onChange={(value) => update(path, value)}
                />
              );
            })}
            <TextField
              label={`CSM rating (optional) — ${key === 'salesforce' ? 'Salesforce' : 'HubSpot'}`}
              spellCheck={false}
              hint="Leave empty to keep ratings in Tasks / notes only."
              value={draft.fieldMappings[key].csmRating ?? ''}
              error={errors.get(`fieldMappings.${key}.csmRating`)}
              lockedReason={lockedReason(['fieldMappings', key, 'csmRating'])}
              onChange={(value) => update(['fieldMappings', key, 'csmRating'], value.trim() === '' ? null : value)}
            />
          </div>
        </fieldset>
      ))}
    </section>
  );
}

