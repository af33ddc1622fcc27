import { EnforcementMode, USER_ROLE_LABELS, UserRole } from '@/lib/settings/schema';
import { SelectField } from '@/components/ui/SelectField';
import { TextField } from '@/components/ui/TextField';
import type { SectionProps } from './sectionProps';

const ENFORCEMENT_OPTIONS: readonly { value: EnforcementMode; label: string }[] = [
  { value: 'enforce', label: 'Enforce: block Closed Won until the handoff is good enough' },
  { value: 'warn', label: 'Warn: show the handoff check, never block' },
  { value: 'off', label: 'Off: no gate' },
];

const ROLE_OPTIONS = UserRole.options.map((value) => ({ value, label: USER_ROLE_LABELS[value] }));

const HUBSPOT_METHOD_OPTIONS = [
  { value: 'none', label: 'Not connected' },
  { value: 'private-app', label: 'Private app access token or service key' },
  { value: 'oauth', label: 'OAuth (sign in with HubSpot)' },
] as const;

export function GeneralSection({ draft, errors, lockedReason, update }: SectionProps) {
  return (
    <section aria-labelledby="general-heading">
      <h2 id="general-heading">General</h2>
      <div className="grid">
        <SelectField
          label="Enforcement mode"
          value={draft.enforcement}
          options={ENFORCEMENT_OPTIONS}
          error={errors.get('enforcement')}
          lockedReason={lockedReason(['enforcement'])}
          onChange={(value) => update(['enforcement'], value)}
        />
        <SelectField
          label="Your role"
          value={draft.role}
          options={ROLE_OPTIONS}
          error={errors.get('role')}
          lockedReason={lockedReason(['role'])}
          onChange={(value) => update(['role'], value)}
        />
      </div>
      <fieldset>
        <legend>HubSpot connection</legend>
        <div className="grid">
          <SelectField
            label="HubSpot connection method"
            value={draft.hubspot.method}
            options={HUBSPOT_METHOD_OPTIONS}
            error={errors.get('hubspot.method')}
            lockedReason={lockedReason(['hubspot', 'method'])}
            onChange={(value) => update(['hubspot', 'method'], value)}
          />
          <TextField
            label="HubSpot OAuth client id"
            spellCheck={false}
            hint="Needed for OAuth only. Tokens are never stored in settings or exported."
            value={draft.hubspot.oauthClientId ?? ''}
            error={errors.get('hubspot.oauthClientId')}
            lockedReason={lockedReason(['hubspot', 'oauthClientId'])}
            onChange={(value) => update(['hubspot', 'oauthClientId'], value.trim() === '' ? null : value)}
          />
        </div>
      </fieldset>
    </section>
  );
}
