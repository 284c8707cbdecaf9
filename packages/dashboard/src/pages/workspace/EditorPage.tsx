import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import {
  createDraft,
  loadWorkspaceDocument,
  submitForReview,
  updateDraft,
  type WorkspaceDocument,
  type WorkspaceVersion,
} from '../../api/workspace';
import { SessionContext } from '../../components/session-context';
import { DeadlineRules } from '../../components/workspace/DeadlineRules';
import { LegalBasisField } from '../../components/workspace/LegalBasisField';
import { MarkdownPreview } from '../../components/workspace/MarkdownPreview';
import { TextDiff } from '../../components/workspace/TextDiff';
import { WorkspaceContext } from '../../components/workspace/workspace-context';
import type { DocumentKind, DraftInput } from '../../gql/graphql';
import { isArea, type ShownArea } from '../../model/areas';
import { KIND_NAMES } from '../../model/format';
import {
  changedFields,
  FIELD_NAMES,
  fieldsOf,
  KINDS,
  ledAreas,
  legalBasisOf,
  mergeDrafts,
  slugOf,
  type DraftFields,
} from '../../model/workspace';
import { href, replaceRoute, type Route } from '../../router';
import { reviewLink } from './links';

const EMPTY: DraftFields = { title: '', summary: '', body: '', legalBasis: '', targetGroup: '', reviewBy: '', details: '' };
const AREA_NAMES: Record<ShownArea, string> = {
  CHILD_SERVICES: 'Barn och unga',
  ADULT_SERVICES: 'Vuxen',
  DISABILITY: 'Funktionshinder',
  INCOME_SUPPORT: 'Försörjningsstöd',
};

/** What was loaded from the API: the base of the leader's changes and the revision it had. */
interface Loaded {
  document: WorkspaceDocument;
  version: WorkspaceVersion;
}

/** After a CONFLICT: what the other person changed, and the fields both changed. */
interface Conflict {
  before: DraftFields;
  mine: DraftFields;
  theirs: DraftFields;
  theirChanges: (keyof DraftFields)[];
  clashes: (keyof DraftFields)[];
  by: string | null;
}

function detailsOf(text: string): Record<string, unknown> | 'invalid' {
  if (!text.trim()) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : 'invalid';
  } catch {
    return 'invalid';
  }
}

function inputOf(fields: DraftFields): DraftInput {
  const details = detailsOf(fields.details);
  return {
    title: fields.title.trim(),
    summary: fields.summary,
    body: fields.body,
    legalBasis: legalBasisOf(fields.legalBasis),
    targetGroup: fields.targetGroup.trim() || null,
    reviewBy: fields.reviewBy || null,
    details: details === 'invalid' ? undefined : details,
  };
}

/** Nytt dokument and a draft's editor: the fields, a live preview of the text, saving with the revision read. */
export function EditorPage({ route }: { route: Route }) {
  const { session } = useContext(SessionContext);
  const { reload } = useContext(WorkspaceContext);
  const areas = ledAreas(session?.principal);
  const isNew = route.page === 'nytt-dokument';
  const routeArea = route.params.get('omrade') ?? undefined;
  const documentId = route.params.get('dokument');
  const [area, setArea] = useState<ShownArea | undefined>(isArea(routeArea) ? routeArea : undefined);
  const [kind, setKind] = useState<DocumentKind>('ROUTINE');
  const [slug, setSlug] = useState<string | null>(null);
  const [fields, setFields] = useState<DraftFields>(EMPTY);
  const [base, setBase] = useState<DraftFields>(EMPTY);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState('');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `${isNew ? 'Nytt dokument' : 'Utkast'} – Samsyn`;
  }, [isNew]);
  useEffect(() => {
    if (isNew && !area && areas[0]) setArea(areas[0]);
  }, [areas.join()]);

  const load = async (): Promise<Loaded | null> => {
    if (isNew || !route.id || !documentId || !isArea(routeArea)) return null;
    const { document } = await loadWorkspaceDocument(routeArea, documentId);
    const version = document?.versions.find((v) => v.id === route.id);
    if (!document || !version) throw new ApiError('Utkastet finns inte, eller så får du inte se det.', 'NOT_FOUND');
    return { document, version };
  };

  // The page this editor showed last: a new document's fields are emptied only when the editor moves to it from another
  // page, never when it first shows (the effect may run after the leader has begun typing on a slow machine).
  const shown = useRef<string | null>(null);
  useEffect(() => {
    const first = shown.current === null;
    shown.current = `${route.page}|${route.id}|${documentId}`;
    setConflict(null);
    setMessage('');
    setError('');
    if (isNew) {
      if (first) return;
      setLoaded(null);
      setFields(EMPTY);
      setBase(EMPTY);
      return;
    }
    load().then(
      (result) => {
        if (!result) return;
        setLoaded(result);
        setKind(result.document.kind);
        setFields(fieldsOf(result.version));
        setBase(fieldsOf(result.version));
      },
      (problem: unknown) => setLoadError(problem instanceof Error ? problem.message : String(problem)),
    );
  }, [route.page, route.id, documentId]);

  const set = (key: keyof DraftFields) => (value: string) => setFields((current) => ({ ...current, [key]: value }));
  const details = detailsOf(fields.details);
  const dirty = isNew || changedFields(base, fields).length > 0;
  const editable = isNew || loaded?.version.status === 'DRAFT';

  /** Saves the leader's fields; on a CONFLICT shows what the other person changed and merges instead. */
  const save = async (): Promise<WorkspaceVersion | null> => {
    setError('');
    setMessage('');
    if (details === 'invalid') {
      setError('De strukturerade uppgifterna är inte giltig JSON.');
      return null;
    }
    if (!fields.title.trim()) {
      setError('Skriv en titel.');
      return null;
    }
    try {
      if (isNew) {
        if (!area) throw new ApiError('Välj ett område.', 'BAD_USER_INPUT');
        const created = await createDraft(area, { ...inputOf(fields), kind, slug: slug ?? slugOf(fields.title) });
        reload();
        replaceRoute(href('utkast', { id: created.id, params: { omrade: area, dokument: created.documentId } }));
        return created;
      }
      if (!loaded || !isArea(routeArea)) return null;
      const saved = await updateDraft(routeArea, loaded.version.id, loaded.version.revision, inputOf(fields));
      setLoaded({ ...loaded, version: saved });
      setBase(fieldsOf(saved));
      setFields(fieldsOf(saved));
      setConflict(null);
      setMessage(`Utkastet är sparat (revision ${saved.revision}).`);
      reload();
      return saved;
    } catch (problem) {
      if (problem instanceof ApiError && problem.code === 'CONFLICT' && loaded) {
        await showConflict();
        return null;
      }
      setError(problem instanceof Error ? problem.message : String(problem));
      return null;
    }
  };

  /** Reads the draft as the other person left it and merges their changes into the leader's. */
  const showConflict = async () => {
    const latest = await load().catch(() => null);
    if (!latest || !loaded) {
      setError('Utkastet har ändrats av någon annan och kunde inte läsas igen.');
      return;
    }
    if (latest.version.status !== 'DRAFT') {
      setError('Någon annan har skickat utkastet för granskning medan du skrev; dina ändringar är inte sparade.');
      return;
    }
    const theirs = fieldsOf(latest.version);
    const { merged, theirChanges, clashes } = mergeDrafts(base, fields, theirs);
    const by = [...(latest.document.history ?? [])].reverse().find((entry) => entry.entityId === latest.version.id)?.actor ?? null;
    setConflict({ before: base, mine: fields, theirs, theirChanges, clashes, by });
    setLoaded(latest);
    setBase(theirs);
    setFields(merged);
  };

  const submit = async () => {
    setBusy(true);
    try {
      const saved = dirty || !loaded ? await save() : loaded.version;
      if (!saved) return;
      const targetArea = (isNew ? area : routeArea) as ShownArea;
      await submitForReview(targetArea, saved.id, saved.revision);
      reload();
      location.hash = reviewLink(targetArea, saved.documentId, saved.id);
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
    } finally {
      setBusy(false);
    }
  };

  if (!session?.principal || areas.length === 0) {
    return (
      <>
        <h1>{isNew ? 'Nytt dokument' : 'Utkast'}</h1>
        <p class="notice">
          Bara processledare skriver dokument. <a href={href('logga-in')}>Logga in</a>
        </p>
      </>
    );
  }
  if (loadError) {
    return (
      <>
        <h1>Utkast</h1>
        <p class="notice error" role="alert">
          {loadError}
        </p>
      </>
    );
  }
  if (!isNew && !loaded) {
    return (
      <p class="status" role="status">
        Hämtar …
      </p>
    );
  }

  const version = loaded?.version;
  return (
    <>
      <h1>{isNew ? 'Nytt dokument' : fields.title || 'Utkast'}</h1>
      {version && (
        <p class="doc-meta">
          {KIND_NAMES[kind]}, version {version.number}, {version.status === 'DRAFT' ? 'utkast' : 'granskas'} (revision {version.revision}).{' '}
          {loaded?.document.current && (
            <a href={reviewLink(routeArea!, loaded.document.id, version.id, loaded.document.current.id)}>
              Jämför med version {loaded.document.current.number} som gäller
            </a>
          )}
        </p>
      )}
      {version?.returnComment && (
        <div class="notice returned" role="note">
          <p>
            <strong>Skickades tillbaka med kommentaren:</strong> {version.returnComment}
          </p>
        </div>
      )}
      {!editable && (
        <p class="notice">
          Versionen granskas och kan inte ändras. <a href={reviewLink(routeArea!, loaded!.document.id, version!.id)}>Till granskningen</a>
        </p>
      )}
      {conflict && <ConflictPanel conflict={conflict} fields={fields} onChoose={(key, value) => set(key)(value)} />}
      <form
        class="editor"
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          void save().finally(() => setBusy(false));
        }}
      >
        <div class="editor-grid">
          {isNew && areas.length > 1 && (
            <div class="field">
              <label for="falt-omrade">Område</label>
              <select id="falt-omrade" value={area} onChange={(event) => setArea(event.currentTarget.value as ShownArea)}>
                {areas.map((item) => (
                  <option key={item} value={item}>
                    {AREA_NAMES[item]}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div class="field">
            <label for="falt-typ">Typ</label>
            <select id="falt-typ" value={kind} disabled={!isNew} onChange={(event) => setKind(event.currentTarget.value as DocumentKind)}>
              {KINDS.map((item) => (
                <option key={item.kind} value={item.kind}>
                  {item.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="field">
          <label for="falt-titel">Titel</label>
          <input
            id="falt-titel"
            required
            value={fields.title}
            disabled={!editable}
            onInput={(event) => set('title')(event.currentTarget.value)}
          />
        </div>
        {isNew && (
          <div class="field">
            <label for="falt-kortnamn">Kortnamn i länkar</label>
            <input
              id="falt-kortnamn"
              value={slug ?? slugOf(fields.title)}
              aria-describedby="kortnamn-hint"
              onInput={(event) => setSlug(event.currentTarget.value)}
            />
            <p id="kortnamn-hint" class="hint">
              Små bokstäver, siffror och bindestreck. Kan inte ändras senare.
            </p>
          </div>
        )}
        <div class="field">
          <label for="falt-sammanfattning">Sammanfattning</label>
          <textarea
            id="falt-sammanfattning"
            rows={2}
            value={fields.summary}
            disabled={!editable}
            onInput={(event) => set('summary')(event.currentTarget.value)}
          />
        </div>
        <div class="markdown-editor">
          <div class="field">
            <label for="falt-text">Text</label>
            <textarea
              id="falt-text"
              rows={18}
              value={fields.body}
              disabled={!editable}
              aria-describedby="text-hint"
              onInput={(event) => set('body')(event.currentTarget.value)}
            />
            <p id="text-hint" class="hint">
              Markdown: ## rubrik, - punkt, 1. numrerad punkt, **fet**, [länk](https://…).
            </p>
          </div>
          <section class="preview" aria-labelledby="forhandsgranskning">
            <h2 id="forhandsgranskning">Förhandsgranskning</h2>
            <MarkdownPreview markdown={fields.body} />
          </section>
        </div>
        <LegalBasisField value={fields.legalBasis} onInput={set('legalBasis')} />
        <div class="editor-grid">
          <div class="field">
            <label for="falt-malgrupp">Målgrupp</label>
            <input
              id="falt-malgrupp"
              value={fields.targetGroup}
              disabled={!editable}
              onInput={(event) => set('targetGroup')(event.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="falt-revideras">Revideras senast</label>
            <input
              id="falt-revideras"
              type="date"
              value={fields.reviewBy}
              disabled={!editable}
              onInput={(event) => set('reviewBy')(event.currentTarget.value)}
            />
          </div>
        </div>
        {kind === 'ROUTINE' && <DeadlineRules details={fields.details} onChange={set('details')} />}
        <div class="field">
          <label for="falt-detaljer">Strukturerade uppgifter (JSON)</label>
          <textarea
            id="falt-detaljer"
            rows={4}
            class="code"
            value={fields.details}
            disabled={!editable}
            aria-invalid={details === 'invalid' ? 'true' : undefined}
            aria-describedby="detaljer-hint"
            onInput={(event) => set('details')(event.currentTarget.value)}
          />
          <p id="detaljer-hint" class={details === 'invalid' ? 'field-error' : 'hint'}>
            {details === 'invalid'
              ? 'Inte giltig JSON: rätta innan du sparar.'
              : 'Typens uppgifter som data, t.ex. fristregler eller nivåer.'}
          </p>
        </div>
        {error && (
          <p class="notice error" role="alert">
            {error}
          </p>
        )}
        <p role="status" class="saved">
          {message}
        </p>
        {editable && (
          <div class="actions">
            <button type="submit" disabled={busy}>
              Spara utkast
            </button>
            <button type="button" class="primary" disabled={busy} onClick={() => void submit()}>
              Skicka för granskning
            </button>
          </div>
        )}
      </form>
    </>
  );
}

/** What the other person changed while the leader wrote, and a choice for each field both changed. */
function ConflictPanel({
  conflict,
  fields,
  onChoose,
}: {
  conflict: Conflict;
  fields: DraftFields;
  onChoose: (key: keyof DraftFields, value: string) => void;
}) {
  return (
    <section class="notice conflict" role="alert" aria-labelledby="konflikt">
      <h2 id="konflikt">Någon annan har ändrat utkastet medan du skrev</h2>
      <p>
        {conflict.by ? `${conflict.by} sparade` : 'Det sparades'} en ändring av{' '}
        {conflict.theirChanges.map((key) => FIELD_NAMES[key].toLowerCase()).join(', ') || 'utkastet'}. Inget av ditt är sparat än: deras
        ändringar i fält du inte rört är inlagda nedan, och där ni båda ändrat väljer du. Spara sedan igen.
      </p>
      {changedFields(conflict.before, conflict.mine).length > 0 && (
        <p>
          Dina ändringar, som ligger kvar i formuläret:{' '}
          {changedFields(conflict.before, conflict.mine)
            .map((key) => FIELD_NAMES[key].toLowerCase())
            .join(', ')}
          .
        </p>
      )}
      {conflict.theirChanges.map((key) => (
        <div class="conflict-field" key={key} data-field={key}>
          <h3>
            {FIELD_NAMES[key]}: {conflict.clashes.includes(key) ? 'ni har båda ändrat' : 'deras ändring är inlagd'}
          </h3>
          <TextDiff before={conflict.before[key]} after={conflict.theirs[key]} layout="inline" beforeLabel="Innan" afterLabel="Deras" />
          {conflict.clashes.includes(key) && (
            <div class="actions">
              <button type="button" aria-pressed={fields[key] === conflict.mine[key]} onClick={() => onChoose(key, conflict.mine[key])}>
                Behåll min {FIELD_NAMES[key].toLowerCase()}
              </button>
              <button type="button" aria-pressed={fields[key] === conflict.theirs[key]} onClick={() => onChoose(key, conflict.theirs[key])}>
                Använd deras {FIELD_NAMES[key].toLowerCase()}
              </button>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
