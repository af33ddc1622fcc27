import { ELEMENT_KEYS, ELEMENT_LABELS, isNonNegotiable } from '@/lib/domain/elements';
import { TextField } from '@/components/ui/TextField';
import { CRM_LIST } from '@/lib/crms';
import type { SectionProps } from './sectionProps';


/** One row per handoff element, with the CRM field it lives in for each CRM. */
export function MappingsSection({ draft, errors, lockedReason, update }: SectionProps) {
  return (
    <section aria-labelledby="mappings-heading">
      <h2 id="mappings-heading">Field mappings</h2>
      <p>Where each part of the handoff lives in your CRM. Baton reads and writes only these fields.</p>
      {CRM_LIST.map(({ id: key, label: crmLabel, mappingTitle: title }) => (
        <fieldset key={key}>
          <legend>{title}</legend>
          <div className="grid">
            {ELEMENT_KEYS.map((element) => {
              const path = ['fieldMappings', key, element] as const;
              const label = `${ELEMENT_LABELS[element]}${isNonNegotiable(element) ? ' (required)' : ''} — ${crmLabel}`;
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
              label={`CSM rating (optional) — ${crmLabel}`}
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

