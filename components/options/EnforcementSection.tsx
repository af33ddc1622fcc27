import { useId, useMemo, useRef, useState } from 'react';
import type { Settings } from '@/lib/settings/schema';
import { AUDIT_PERMISSION, AUDIT_TRIGGER_NAME, FORMULA_MAX_CHARS, RULE_NAME, salesforceAuditTrail, salesforceRule } from '@/lib/crms/salesforce/serverRule';
import { HUBSPOT_AUDIT_STEPS, hubspotSetup } from '@/lib/crms/hubspot/serverRule';
import { ACTIVITY_SUBJECTS } from '@/lib/domain/activity';

interface EnforcementSectionProps {
  /** The settings in force (saved), which the generated rules follow. */
  settings: Settings;
  /** Unsaved edits exist: say the rules below do not include them yet. */
  dirty: boolean;
}

// A custom permission API name: what Salesforce accepts (letters, digits, single underscores).
const PERMISSION_NAME = /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*$/;

/** A read-only block of generated text with its own copy button and a spoken result. */
function CopyBlock({ label, text, rows }: { label: string; text: string; rows: number }) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [result, setResult] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setResult(`${label} copied.`);
    } catch {
      // Clipboard refused (no focus, a policy): select it so Ctrl+C works.
      area.current?.select();
      setResult(`Could not copy automatically: the text is selected, press Ctrl+C (⌘C on a Mac).`);
    }
  };
  return (
    <div className="field copy-block">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} ref={area} readOnly rows={rows} value={text} spellCheck={false} />
      <div className="actions">
        <button type="button" onClick={() => void copy()}>
          Copy {label.toLowerCase()}
        </button>
        <span role="status">{result}</span>
      </div>
    </div>
  );
}

/**
 * Server-side enforcement: the extension only guards browsers it is installed in, so this
 * generates the CRM's own rules from the settings in force (a Salesforce validation rule, HubSpot
 * required stage properties and validation patterns) for an administrator to install.
 */
export function EnforcementSection({ settings, dirty }: EnforcementSectionProps) {
  const permissionId = useId();
  const [permission, setPermission] = useState('');
  const permissionValid = permission === '' || PERMISSION_NAME.test(permission);
  const sf = useMemo(
    () =>
      salesforceRule(settings.fieldMappings.salesforce, settings.rules, {
        bypassPermission: permission !== '' && permissionValid ? permission : null,
      }),
    [settings, permission, permissionValid],
  );
  const hs = useMemo(() => hubspotSetup(settings.fieldMappings.hubspot, settings.rules), [settings]);
  const auditFiles = useMemo(() => salesforceAuditTrail(Object.values(ACTIVITY_SUBJECTS)), []);

  return (
    <section aria-labelledby="enforcement-heading">
      <h2 id="enforcement-heading">Enforce on the CRM server</h2>
      <p>
        Baton guards the browsers it is installed in. Deals won through the API, automation, imports or another browser
        pass it by. These rules make the CRM itself refuse a won deal whose non-negotiables are empty, punctuation or a
        placeholder. They follow the saved settings. Everything else Baton checks (too short, a metric without a number
        or date, &ldquo;none&rdquo; without a confirmation, vague promises) still happens only in the browser.
      </p>
      {dirty && <p className="notice">You have unsaved changes. Save them to include them in the rules below.</p>}
      {settings.enforcement !== 'enforce' && (
        <p className="notice">
          Baton only {settings.enforcement === 'warn' ? 'warns' : 'watches'} in the browser now. These rules block on the
          server whatever that setting is.
        </p>
      )}

      <h3>Salesforce validation rule</h3>
      <ol>
        <li>Setup → Object Manager → Opportunity → Validation Rules → New.</li>
        <li>
          Name it <code>{RULE_NAME}</code>, paste the formula, set the error location to Top of
          Page, and save. Or deploy the metadata XML as <code>{sf.metadataPath}</code>.
        </li>
        <li>It applies when a deal becomes won (a won stage on create or a stage change), so earlier won deals stay editable.</li>
      </ol>
      <div className="field">
        <label htmlFor={permissionId}>Custom permission that may still close anyway (optional)</label>
        <input
          id={permissionId}
          value={permission}
          aria-invalid={!permissionValid}
          aria-describedby={`${permissionId}-hint`}
          onChange={(e) => setPermission(e.target.value.trim())}
        />
        <p id={`${permissionId}-hint`} className={permissionValid ? 'hint' : 'error'}>
          {permissionValid
            ? 'With the rule active, Baton’s “close anyway” works only for users with this permission. Create it first (Setup → Custom Permissions).'
            : 'Use the custom permission’s API name: letters, digits and single underscores, starting with a letter.'}
        </p>
      </div>
      {sf.omittedTerms > 0 && (
        <p className="hint">
          To stay within Salesforce’s {FORMULA_MAX_CHARS.toLocaleString('en-US')}-character formula limit, {sf.omittedTerms} of Baton’s rarer placeholder
          words are left out; Baton still blocks them in the browser.
        </p>
      )}
      {sf.formula.length > FORMULA_MAX_CHARS && (
        <p className="error">
          Even without placeholder words the formula is {sf.formula.length.toLocaleString('en-US')} characters, over Salesforce’s
          limit: shorten the mapped field names or the permission name.
        </p>
      )}
      {sf.formula === 'FALSE' ? (
        <p className="notice">The rules in force block none of the non-negotiables, so there is nothing to enforce.</p>
      ) : (
        <>
          <CopyBlock label="Formula" text={sf.formula} rows={8} />
          <CopyBlock label="Metadata XML" text={sf.metadataXml} rows={8} />
        </>
      )}

      <h3>Salesforce: keep Baton’s records</h3>
      <p>
        A rep can delete or rewrite the Task that records an override (or type a fake acknowledgement). The console
        finds deleted Tasks in the recycle bin for as long as Salesforce keeps them (15 days) and marks forged ones; this
        trigger stops the deletion and the rewrite in the first place.
      </p>
      <ol>
        <li>
          Deploy these files to a Salesforce DX project (<code>sf project deploy start</code>), or create them in the
          Developer Console: the custom permission <code>{AUDIT_PERMISSION}</code>, the trigger <code>{AUDIT_TRIGGER_NAME}</code> on
          Task and its test class.
        </li>
        <li>Give the permission to administrators only (a permission set). Everyone else can no longer delete Baton’s Tasks or change their subject, text or deal.</li>
        <li>
          A Task deleted with its opportunity (a cascade) does not run Task triggers: remove Delete on Opportunity from
          sales profiles too.
        </li>
      </ol>
      {auditFiles.map((f) => (
        <CopyBlock key={f.path} label={f.path.split('/').pop() ?? f.path} text={f.text} rows={f.path.endsWith('.xml') ? 5 : 10} />
      ))}

      <h3>HubSpot</h3>
      {hs.requiredProperties.length === 0 && hs.validations.length === 0 ? (
        <p className="notice">The rules in force block none of the non-negotiables, so there is nothing to enforce.</p>
      ) : (
        <>
          <ol>
            <li>
              Settings → Objects → Deals → Pipelines. In each pipeline, open the won stage’s conditional stage properties and
              make these required (Sales Hub Professional or Enterprise):{' '}
              {hs.requiredProperties.map((p, i) => (
                <span key={p.property}>
                  {i > 0 && ', '}
                  {p.label} (<code>{p.property}</code>)
                </span>
              ))}
              . HubSpot documents that pipeline rules do not apply to workflows or the API; the validation below does.
            </li>
            <li>
              Settings → Properties → Deal properties → the property → Rules → custom rule regex: paste its pattern. Or send
              the API call shown. HubSpot limits a property with a regex rule to 1,000 characters; a longer handoff there
              needs the stage requirement alone.
            </li>
          </ol>
          {hs.validations.map((v) => (
            <div key={v.property}>
              <h4>
                {v.label} (<code>{v.property}</code>)
              </h4>
              <CopyBlock label={`${v.label} pattern`} text={v.regex} rows={3} />
              <p className="hint">
                <code>{v.apiPath}</code> with the body <code>{v.apiBody.replace(/\s+/g, ' ')}</code>
              </p>
            </div>
          ))}
        </>
      )}
      <h3>HubSpot: keep Baton’s notes</h3>
      <dl>
        {HUBSPOT_AUDIT_STEPS.map((step) => (
          <div key={step.title}>
            <dt>{step.title}</dt>
            <dd>{step.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
