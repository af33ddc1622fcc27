import { useState } from 'react';

/** Text shown in full up to this many characters; more waits behind "Show all" (a 100 KB field must not freeze the panel). */
const SHOWN = 1500;

/** CRM text, rendered as text (never HTML), line breaks kept. */
export function LongText({ text }: { text: string }) {
  const [all, setAll] = useState(false);
  const long = text.length > SHOWN;
  return (
    <>
      <p className="text">{long && !all ? `${text.slice(0, SHOWN)}…` : text}</p>
      {long && (
        <button type="button" className="link" onClick={() => setAll((a) => !a)}>
          {all ? 'Show less' : `Show all (${Math.round(text.length / 1000)}k characters)`}
        </button>
      )}
    </>
  );
}
