import { useId } from 'react';

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  lockedReason?: string | undefined;
  hint?: string;
  type?: 'text' | 'number';
  inputMode?: 'text' | 'numeric';
  spellCheck?: boolean;
}

/** A labelled input whose error and lock notice are announced with it (aria-describedby). */
export function TextField({ label, value, onChange, error, lockedReason, hint, type = 'text', inputMode, spellCheck }: TextFieldProps) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`, lockedReason && `${id}-locked`]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        inputMode={inputMode}
        spellCheck={spellCheck}
        value={value}
        disabled={Boolean(lockedReason)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
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
