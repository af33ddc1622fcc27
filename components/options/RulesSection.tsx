import { RULE_IDS, type RuleMode } from '@/lib/rules/types';
import { RULE_LABELS } from '@/lib/rules/labels';
import { ELEMENT_KEYS, ELEMENT_LABELS } from '@/lib/domain/elements';
import { SelectField } from '@/components/ui/SelectField';
import { TextField } from '@/components/ui/TextField';
import { numberText, parseNumberInput } from './draft';
import type { SectionProps } from './sectionProps';

const MODE_OPTIONS: readonly { value: RuleMode; label: string }[] = [
  { value: 'block', label: 'Block the close' },
  { value: 'warn', label: 'Warn' },
  { value: 'off', label: 'Off' },
];

export function RulesSection({ draft, errors, lockedReason, update }: SectionProps) {
  const thresholds = draft.rules.thresholds;
  const numberField = (label: string, path: readonly string[], value: number, hint?: string) => (
    <TextField
      key={path.join('.')}
      label={label}
      type="number"
      inputMode="numeric"
      hint={hint}
      value={numberText(value)}
      error={errors.get(path.join('.'))}
      lockedReason={lockedReason(path)}
      onChange={(text) => update(path, parseNumberInput(text))}
    />
  );
  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">Rules</h2>
      <p>What each quality rule does when it finds a problem.</p>
      <div className="grid">
        {RULE_IDS.map((rule) => (
          <SelectField
            key={rule}
            label={RULE_LABELS[rule]}
            value={draft.rules.modes[rule]}
            options={MODE_OPTIONS}
            error={errors.get(`rules.modes.${rule}`)}
            lockedReason={lockedReason(['rules', 'modes', rule])}
            onChange={(mode) => update(['rules', 'modes', rule], mode)}
          />
        ))}
      </div>
      <fieldset>
        <legend>Minimum words per element</legend>
        <div className="grid">
          {ELEMENT_KEYS.map((element) =>
            numberField(
              `Minimum words: ${ELEMENT_LABELS[element]}`,
              ['rules', 'thresholds', 'minWords', element],
              thresholds.minWords[element],
            ),
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>Thresholds</legend>
        <div className="grid">
          {numberField(
            'Champion required from deal amount',
            ['rules', 'thresholds', 'championAboveAmount'],
            thresholds.championAboveAmount,
            '0 means every deal.',
          )}
          {numberField(
            'Economic buyer required from deal amount',
            ['rules', 'thresholds', 'economicBuyerAboveAmount'],
            thresholds.economicBuyerAboveAmount,
          )}
          {numberField(
            'Shortest copied text that counts (characters)',
            ['rules', 'thresholds', 'copiedMinChars'],
            thresholds.copiedMinChars,
          )}
        </div>
      </fieldset>
    </section>
  );
}
