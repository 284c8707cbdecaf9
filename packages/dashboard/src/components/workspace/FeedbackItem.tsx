import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import { answerFeedback, linkFeedbackToDraft, type WorkspaceFeedbackItem } from '../../api/workspace';
import type { ShownArea } from '../../model/areas';

const timeFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' });

/** One synpunkt as a process leader sees it: who left it, on which version, the answer; Svara and a link to a draft. */
export function FeedbackItem({
  area,
  feedback,
  drafts,
  onChanged,
}: {
  area: ShownArea;
  feedback: WorkspaceFeedbackItem;
  /** The document's drafts and versions in review, which a synpunkt can be linked to. */
  drafts: { id: string; number: number }[];
  onChanged: () => void;
}) {
  const [answer, setAnswer] = useState(feedback.answer ?? '');
  const [draft, setDraft] = useState(feedback.addressedBy?.id ?? '');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const id = `svar-${feedback.id}`;

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem('');
    try {
      await action();
      onChanged();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const reply = (event: Event) => {
    event.preventDefault();
    if (!answer.trim()) {
      setProblem('Skriv ett svar.');
      return;
    }
    void act(() => answerFeedback(area, feedback.id, answer.trim()));
  };

  return (
    <article class="feedback-item" data-feedback={feedback.id} data-status={feedback.status}>
      <p class="doc-meta">
        {feedback.district ? feedback.district.name : feedback.author} · version {feedback.version.number} ·{' '}
        {timeFormat.format(new Date(feedback.createdAt))}
        {feedback.section && <> · avsnitt: {feedback.section}</>}
      </p>
      <blockquote class="feedback-text">{feedback.text}</blockquote>
      {feedback.answer && feedback.answeredBy && (
        <p class="feedback-answer">
          <strong>Svar från {feedback.answeredBy}:</strong> {feedback.answer}
        </p>
      )}
      <form class="feedback-reply" onSubmit={reply} noValidate>
        <div class="field">
          <label for={id}>{feedback.answer ? 'Nytt svar' : 'Svar'}</label>
          <textarea id={id} rows={2} value={answer} onInput={(event) => setAnswer(event.currentTarget.value)} />
        </div>
        <button type="submit" disabled={busy}>
          Svara
        </button>
      </form>
      {drafts.length > 0 && (
        <div class="feedback-link actions">
          <label for={`${id}-utkast`}>Åtgärdas i</label>
          <select id={`${id}-utkast`} value={draft} onChange={(event) => setDraft(event.currentTarget.value)}>
            <option value="">Inget utkast</option>
            {drafts.map((item) => (
              <option key={item.id} value={item.id}>
                Version {item.number}
              </option>
            ))}
          </select>
          <button type="button" disabled={busy} onClick={() => void act(() => linkFeedbackToDraft(area, feedback.id, draft || null))}>
            Koppla till utkast
          </button>
        </div>
      )}
      {feedback.addressedBy && <p class="doc-meta">Kopplad till version {feedback.addressedBy.number}.</p>}
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
    </article>
  );
}
