import { useEffect, useId, useState } from 'react';

interface ListFieldProps {
  label: string;
  value: readonly string[];
  onChange(value: string[]): void;
  hint: string;
  error?: string | undefined;
  lockedReason?: string | undefined;
}

/** One entry a line; blank lines and the spaces around an entry are dropped. */
export function parseList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * A labelled multi-line field for a list of names. The text is kept as typed (a trailing new line
 * stays while the user types the next entry); the list goes to the draft on every change.
 */
export function ListField({ label, value, onChange, hint, error, lockedReason }: ListFieldProps) {
  const id = useId();
  const [text, setText] = useState(value.join('\n'));
  // A new value from outside (import, administrator, save) replaces the text; the user's own typing does not.
  useEffect(() => {
    setText((typed) => (parseList(typed).join('\n') === value.join('\n') ? typed : value.join('\n')));
  }, [value]);
  const describedBy = [`${id}-hint`, error && `${id}-error`, lockedReason && `${id}-locked`].filter(Boolean).join(' ');
  return (
    <div className="field list-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={4}
        spellCheck={false}
        value={text}
        disabled={Boolean(lockedReason)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseList(e.target.value));
        }}
      />
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      {lockedReason && (
        <p id={`${id}-locked`} className="locked">
          {lockedReason}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="error">
          {error}
        </p>
      )}
    </div>
  );
}
