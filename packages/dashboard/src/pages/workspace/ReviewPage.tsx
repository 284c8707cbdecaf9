import { useContext, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import { useLoad } from '../../api/hooks';
import { loadWorkspaceDocument, publish, returnToDraft, type WorkspaceDocument, type WorkspaceVersion } from '../../api/workspace';
import { SessionContext } from '../../components/session-context';
import { Status } from '../../components/Status';
import { TextDiff } from '../../components/workspace/TextDiff';
import { WorkspaceContext } from '../../components/workspace/workspace-context';
import type { ChangeKind } from '../../gql/graphql';
import { isArea, type ShownArea } from '../../model/areas';
import { KIND_NAMES } from '../../model/format';
import { authorsOf, changedFields, FIELD_NAMES, fieldsOf, STATUS_NAMES, today } from '../../model/workspace';
import { href, replaceRoute, type Route } from '../../router';
import { followUpLink, reviewLink } from './links';

const versionName = (version: WorkspaceVersion) => `Version ${version.number} (${STATUS_NAMES[version.status].toLowerCase()})`;

/** The version to review and the one to compare it with: by default the one in review against the one in force. */
function chosenVersions(document: WorkspaceDocument, route: Route): { version: WorkspaceVersion; against: WorkspaceVersion | null } {
  const versions = document.versions;
  const byId = (id: string | null) => (id ? (versions.find((v) => v.id === id) ?? null) : null);
  const version = byId(route.params.get('version')) ?? versions.find((v) => v.status === 'IN_REVIEW') ?? versions[0];
  const inForce = document.current && document.current.id !== version.id ? byId(document.current.id) : null;
  const earlier = versions.find((v) => v.number < version.number && v.publishedAt !== null) ?? null;
  return { version, against: byId(route.params.get('mot')) ?? inForce ?? earlier };
}

/** Granska: the new version against the one in force (or any two versions), and Skicka tillbaka or Publicera. */
export function ReviewPage({ route }: { route: Route }) {
  const area = route.params.get('omrade') ?? undefined;
  const [generation, setGeneration] = useState(0);
  const loaded = useLoad(
    () => (route.id && isArea(area) ? loadWorkspaceDocument(area, route.id) : Promise.reject(new ApiError('Okänt dokument.', 'NOT_FOUND'))),
    [route.id, area, generation],
  );
  useEffect(() => {
    document.title = 'Granska – Samsyn';
  }, []);
  return (
    <Status loaded={loaded}>
      {({ document }) =>
        document && isArea(area) ? (
          <Review document={document} area={area} route={route} onChanged={() => setGeneration((n) => n + 1)} />
        ) : (
          <>
            <h1>Granska</h1>
            <p class="notice">Dokumentet finns inte, eller så får du inte se det.</p>
          </>
        )
      }
    </Status>
  );
}

function Review({ document, area, route }: { document: WorkspaceDocument; area: ShownArea; route: Route; onChanged: () => void }) {
  const { session } = useContext(SessionContext);
  const { reload } = useContext(WorkspaceContext);
  const [layout, setLayout] = useState<'inline' | 'side-by-side'>('inline');
  const { version, against } = chosenVersions(document, route);
  const after = fieldsOf(version);
  const before = against ? fieldsOf(against) : null;
  const changed = before ? changedFields(before, after).filter((key) => key !== 'body') : [];
  const pick = (param: 'version' | 'mot', id: string) =>
    replaceRoute(reviewLink(area, document.id, param === 'version' ? id : version.id, param === 'mot' ? id : against?.id));

  return (
    <>
      <h1>Granska: {version.title}</h1>
      <p class="doc-meta">
        {KIND_NAMES[document.kind]} · {versionName(version)}
        {version.submittedBy && ` · skickad för granskning av ${version.submittedBy}`} ·{' '}
        <a href={followUpLink(area, document.id)}>Uppföljning och historik</a>
      </p>
      {version.changeSummary && (
        <p>
          <strong>Ändringar enligt författaren:</strong> {version.changeSummary}
        </p>
      )}
      <div class="pickers">
        <div class="field">
          <label for="granska-version">Version</label>
          <select id="granska-version" value={version.id} onChange={(event) => pick('version', event.currentTarget.value)}>
            {document.versions.map((item) => (
              <option key={item.id} value={item.id}>
                {versionName(item)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="granska-mot">Jämför med</label>
          <select id="granska-mot" value={against?.id ?? ''} onChange={(event) => pick('mot', event.currentTarget.value)}>
            {!against && <option value="">Ingen (nytt dokument)</option>}
            {document.versions
              .filter((item) => item.id !== version.id)
              .map((item) => (
                <option key={item.id} value={item.id}>
                  {versionName(item)}
                  {document.current?.id === item.id ? ', gäller nu' : ''}
                </option>
              ))}
          </select>
        </div>
      </div>

      {before && against ? (
        <>
          <h2>Ändrade fält</h2>
          {changed.length === 0 ? (
            <p>Inga andra fält än texten har ändrats.</p>
          ) : (
            <table class="data-table changed-fields">
              <caption>
                Version {against.number} jämfört med version {version.number}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Fält</th>
                  <th scope="col">Version {against.number}</th>
                  <th scope="col">Version {version.number}</th>
                </tr>
              </thead>
              <tbody>
                {changed.map((key) => (
                  <tr key={key} data-field={key}>
                    <th scope="row">{FIELD_NAMES[key]}</th>
                    <td class="pre">{before[key] || '–'}</td>
                    <td class="pre">{after[key] || '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>Text</h2>
          <fieldset class="layout-choice">
            <legend>Visa skillnaden</legend>
            <div class="radio">
              <input type="radio" id="visning-inline" name="visning" checked={layout === 'inline'} onChange={() => setLayout('inline')} />
              <label for="visning-inline">I löptext</label>
            </div>
            <div class="radio">
              <input
                type="radio"
                id="visning-sida"
                name="visning"
                checked={layout === 'side-by-side'}
                onChange={() => setLayout('side-by-side')}
              />
              <label for="visning-sida">Sida vid sida</label>
            </div>
          </fieldset>
          <p class="hint">
            Tillagd text är <ins>understruken med grön bakgrund</ins>, borttagen <del>överstruken med röd bakgrund</del>.
          </p>
          <TextDiff
            before={before.body}
            after={after.body}
            layout={layout}
            beforeLabel={`Version ${against.number}`}
            afterLabel={`Version ${version.number}`}
          />
        </>
      ) : (
        <>
          <h2>Text</h2>
          <p>Dokumentet är nytt: det finns ingen tidigare version att jämföra med.</p>
          <pre class="markdown-source">{version.body}</pre>
        </>
      )}

      {version.status === 'IN_REVIEW' && (
        <Decision
          document={document}
          version={version}
          area={area}
          me={session?.principal?.name ?? ''}
          onDone={(link) => {
            reload();
            location.hash = link;
          }}
        />
      )}
    </>
  );
}

/** Skicka tillbaka (with a comment) or Publicera (from a day, editorial or substantive), with four eyes shown. */
function Decision({
  document,
  version,
  area,
  me,
  onDone,
}: {
  document: WorkspaceDocument;
  version: WorkspaceVersion;
  area: ShownArea;
  me: string;
  onDone: (link: string) => void;
}) {
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState('');
  const [validFrom, setValidFrom] = useState(today());
  const [changeKind, setChangeKind] = useState<ChangeKind | ''>('');
  // A first version has nothing to clarify: the API refuses EDITORIAL for it.
  const firstVersion = !document.versions.some((v) => v.publishedAt !== null && v.id !== version.id);
  const [kindError, setKindError] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // The API decides who may publish (publishRefusal, in English); the page says it in Swedish.
  const refused = version.publishRefusal != null;
  const fourEyes =
    refused &&
    (version.submittedBy === me || authorsOf(document, version.id).includes(me) || /four eyes/i.test(version.publishRefusal ?? ''));

  const sendBack = async (event: Event) => {
    event.preventDefault();
    setError('');
    if (!comment.trim()) {
      setCommentError('Skriv en kommentar: författaren behöver veta vad som ska ändras.');
      return;
    }
    setCommentError('');
    setBusy(true);
    try {
      await returnToDraft(area, version.id, comment.trim());
      onDone(href('att-gora'));
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
    } finally {
      setBusy(false);
    }
  };

  const publishIt = async (event: Event) => {
    event.preventDefault();
    setError('');
    if (!changeKind) {
      setKindError('Välj om ändringen är redaktionell eller saklig.');
      return;
    }
    setKindError('');
    setBusy(true);
    try {
      await publish(area, version.id, version.revision, validFrom, changeKind);
      onDone(followUpLink(area, document.id));
    } catch (problem) {
      if (problem instanceof ApiError && problem.extensions.identicalTo !== undefined) {
        setError(
          'Versionen är identisk med den som publicerades före den: det finns ingen ändring att publicera. Skicka tillbaka den, eller ändra den först.',
        );
      } else if (problem instanceof ApiError && problem.code === 'CONFLICT') {
        setError(`Versionen har ändrats eller en annan version har publicerats sedan du läste den; läs om sidan. (${problem.message})`);
      } else setError(`Kunde inte publicera: ${problem instanceof Error ? problem.message : String(problem)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="decision" aria-labelledby="beslut">
      <h2 id="beslut">Beslut</h2>
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      <div class="decision-forms">
        <form onSubmit={(event) => void sendBack(event)} noValidate>
          <h3>Skicka tillbaka till författaren</h3>
          <div class="field">
            <label for="beslut-kommentar">Kommentar</label>
            <textarea
              id="beslut-kommentar"
              rows={4}
              value={comment}
              required
              aria-invalid={commentError ? 'true' : undefined}
              aria-describedby={commentError ? 'kommentar-fel' : undefined}
              onInput={(event) => setComment(event.currentTarget.value)}
            />
            {commentError && (
              <p id="kommentar-fel" class="field-error">
                {commentError}
              </p>
            )}
          </div>
          <button type="submit" disabled={busy}>
            Skicka tillbaka
          </button>
        </form>
        <form onSubmit={(event) => void publishIt(event)} noValidate>
          <h3>Publicera</h3>
          <div class="field">
            <label for="beslut-galler-fran">Gäller från</label>
            <input
              id="beslut-galler-fran"
              type="date"
              min={today()}
              value={validFrom}
              required
              onInput={(event) => setValidFrom(event.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="beslut-art">Ändringens art</label>
            <select
              id="beslut-art"
              value={changeKind}
              required
              aria-invalid={kindError ? 'true' : undefined}
              aria-describedby="art-hint"
              onChange={(event) => setChangeKind(event.currentTarget.value as ChangeKind | '')}
            >
              <option value="">Välj …</option>
              <option value="EDITORIAL" disabled={firstVersion}>
                Redaktionell
              </option>
              <option value="SUBSTANTIVE">Saklig</option>
            </select>
            <p id="art-hint" class={kindError ? 'field-error' : 'hint'}>
              {kindError ||
                (firstVersion
                  ? 'Dokumentets första version är alltid saklig: stadsdelarna kvitterar den.'
                  : 'Redaktionell: språk och förtydliganden, stadsdelarnas kvittenser gäller även den nya versionen. Saklig: ändrade krav, stadsdelarna kvitterar på nytt och släpar från gäller från.')}
            </p>
          </div>
          <button type="submit" class="primary" disabled={busy || refused} aria-describedby={refused ? 'fyra-ogon' : undefined}>
            Publicera
          </button>
          {refused && (
            <p id="fyra-ogon" class="four-eyes">
              {fourEyes
                ? 'Du kan inte publicera en version som du själv har skrivit, ändrat eller skickat för granskning: en annan processledare i området måste granska den (fyra ögon).'
                : 'Du kan inte publicera den här versionen: bara processledare i området publicerar dess dokument.'}
            </p>
          )}
        </form>
      </div>
    </section>
  );
}
