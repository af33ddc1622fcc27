import { useId, useState } from 'react';
import type { Settings } from '@/lib/settings/schema';
import { exportSettingsJson, importSettingsJson } from '@/lib/settings/transfer';

interface TransferSectionProps {
  current: Settings;
  draft: Settings;
  onImport(settings: Settings): void;
}

/** Export the saved settings as JSON; import a file, validated whole before anything changes. */
export function TransferSection({ draft, onImport }: TransferSectionProps) {
  const inputId = useId();
  const [importError, setImportError] = useState<{ message: string; details: string[] } | null>(null);

  const download = () => {
    const blob = new Blob([exportSettingsJson(draft)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'baton-settings.json';
    link.click();
    URL.revokeObjectURL(url);
  };

  const readFile = async (file: File) => {
    const result = importSettingsJson(await file.text());
    if (result.ok) {
      setImportError(null);
      onImport(result.settings);
    } else {
      setImportError({ message: result.message, details: result.details });
    }
  };

  return (
    <section aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">Import and export</h2>
      <div className="actions">
        <button type="button" onClick={download}>
          Export settings
        </button>
        <label htmlFor={inputId} className="file-label">
          Import settings file
        </label>
        <input
          id={inputId}
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void readFile(file);
            e.target.value = '';
          }}
        />
      </div>
      {importError && (
        <div role="alert" className="error-summary">
          <p>{importError.message}</p>
          <ul>
            {importError.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
