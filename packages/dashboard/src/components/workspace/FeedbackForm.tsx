import { useContext, useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import { leaveFeedback } from '../../api/workspace';
import type { ShownArea } from '../../model/areas';
import { href } from '../../router';
import { SessionContext } from '../session-context';

/**
 * Lämna synpunkt on a published version: text and, if the author likes, which section it concerns. For anyone
 * signed in (a person, or a district's system); the area's process leaders see it in Att göra and answer it.
 */
export function FeedbackForm({ area, versionId, versionNumber }: { area: ShownArea; versionId: string; versionNumber: number }) {
  const { session } = useContext(SessionContext);
  const [text, setText] = useState('');
  const [section, setSection] = useState('');
  const [problem, setProblem] = useState('');
  const [sent, setSent] = useState('');
  const [busy, setBusy] = useState(false);
  const id = `synpunkt-${versionId}`;

  if (!session?.principal) {
    return (
      <section class="feedback-form" aria-labelledby={id}>
        <h2 id={id}>Synpunkter</h2>
        <p>
          <a href={href('logga-in')}>Logga in</a> för att lämna en synpunkt på dokumentet.
        </p>
      </section>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    setSent('');
    if (!text.trim()) {
      setProblem('Skriv din synpunkt.');
      return;
    }
    setProblem('');
    setBusy(true);
    try {
      await leaveFeedback(area, { versionId, text: text.trim(), section: section.trim() || null });
      setText('');
      setSection('');
      setSent('Tack! Synpunkten är lämnad. Områdets processledare svarar på den.');
    } catch (error) {
      setProblem(`Synpunkten kunde inte lämnas: ${error instanceof ApiError ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="feedback-form" aria-labelledby={id}>
      <h2 id={id}>Lämna en synpunkt på version {versionNumber}</h2>
      <p class="hint">Frågor, oklarheter och förslag från verksamheten går till områdets processledare.</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div class="field">
          <label for={`${id}-avsnitt`}>Avsnitt (valfritt)</label>
          <input id={`${id}-avsnitt`} value={section} onInput={(event) => setSection(event.currentTarget.value)} />
        </div>
        <div class="field">
          <label for={`${id}-text`}>Synpunkt</label>
          <textarea
            id={`${id}-text`}
            rows={4}
            value={text}
            required
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={problem ? `${id}-fel` : undefined}
            onInput={(event) => setText(event.currentTarget.value)}
          />
          {problem && (
            <p id={`${id}-fel`} class="field-error">
              {problem}
            </p>
          )}
        </div>
        <button type="submit" disabled={busy}>
          Lämna synpunkt
        </button>
        <p role="status" class="saved">
          {sent}
        </p>
      </form>
    </section>
  );
}
