import { useId } from 'react';

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  lockedReason?: string | undefined;
  error?: string | undefined;
}

export function SelectField<T extends string>({ label, value, options, onChange, lockedReason, error }: SelectFieldProps<T>) {
  const id = useId();
  const describedBy = [error && `${id}-error`, lockedReason && `${id}-locked`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={Boolean(lockedReason)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
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
