import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import { createDraft } from '../../api/workspace';
import type { ShownArea } from '../../model/areas';
import { href } from '../../router';

/** Ny version: starts a draft of a document in force (the API fills it from that version) and opens it. */
export function NewVersionButton({ area, documentId, title }: { area: ShownArea; documentId: string; title: string }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    setError('');
    try {
      const draft = await createDraft(area, { documentId });
      location.hash = href('utkast', { id: draft.id, params: { omrade: area, dokument: documentId } });
    } catch (problem) {
      setError(problem instanceof ApiError ? problem.message : String(problem));
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void start()} disabled={busy} aria-describedby={`ny-version-${documentId}`}>
        Ny version
      </button>
      <span id={`ny-version-${documentId}`} class="visually-hidden">
        av {title}
      </span>
      {error && (
        <span class="field-error" role="alert">
          Kunde inte börja en ny version: {error}
        </span>
      )}
    </>
  );
}
