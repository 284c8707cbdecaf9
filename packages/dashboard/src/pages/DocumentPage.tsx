import { useEffect } from 'preact/hooks';
import { useLoad } from '../api/hooks';
import { Markdown } from '../components/Markdown';
import { Status } from '../components/Status';
import { FeedbackForm } from '../components/workspace/FeedbackForm';
import type { VersionStatus } from '../gql/graphql';
import { areaOfSegment, documentHref, KIND_LABELS, loadAreaNames, readDocument, type ReadDocument } from '../model/documents';
import { swedishToday } from '../model/dates';
import { checkLagrum } from '../model/law';
import { isArea } from '../model/areas';
import { href, type Route } from '../router';
import './documents.css';

/** The versions the reading view lists; drafts and versions in review belong to the process leaders' workspace. */
const READABLE = new Set<VersionStatus>(['PUBLISHED', 'SUPERSEDED', 'RETIRED']);

const dateTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' });

function versionStatus(
  status: VersionStatus,
  validFrom: string | null,
  currentNumber: number | undefined,
  number: number,
  today: string,
): string {
  if (number === currentNumber) return 'Gäller';
  if (status === 'PUBLISHED' && validFrom && validFrom > today) return `Kommande, gäller från ${validFrom}`;
  if (status === 'SUPERSEDED' || status === 'PUBLISHED') return 'Gällde tidigare';
  if (status === 'RETIRED') return 'Upphävd';
  if (status === 'IN_REVIEW') return 'Granskas';
  return 'Utkast';
}

/**
 * The document's identity on every printed page: the page margins of the print layout say what it is, which version
 * and from when, and the page number. The CSP allows no inline styles, so the rule is a constructed style sheet.
 */
function usePrintIdentity(identity: string | null, date: string | null): void {
  useEffect(() => {
    if (!identity || !('adoptedStyleSheets' in document)) return;
    const quote = (text: string) => `"${text.replace(/["\\]/g, '\\$&').replace(/\n/g, ' ')}"`;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `@media print { @page { size: A4; margin: 22mm 18mm 20mm;` +
        ` @top-left { content: ${quote(identity)}; font: 9pt system-ui, sans-serif; color: #333; }` +
        ` @top-right { content: ${quote(date ?? '')}; font: 9pt system-ui, sans-serif; color: #333; }` +
        ` @bottom-right { content: "Sida " counter(page) " av " counter(pages); font: 9pt system-ui, sans-serif; color: #333; } } }`,
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((item) => item !== sheet);
    };
  }, [identity, date]);
}

function Lagrum({ items }: { items: string[] }) {
  if (items.length === 0) return <>–</>;
  return (
    <ul class="lagrum">
      {items.map((item) => {
        const check = checkLagrum(item);
        return (
          <li key={item}>
            {check.href ? <a href={check.href}>{item}</a> : item}
            {check.status === 'repealed' && ' (upphävd)'}
          </li>
        );
      })}
    </ul>
  );
}

function DocumentView({ doc, areaName, asked }: { doc: ReadDocument; areaName: string; asked: number | undefined }) {
  const today = swedishToday();
  const shown =
    asked !== undefined ? doc.version?.find((version) => version.number === asked && READABLE.has(version.status)) : doc.current;
  const kind = KIND_LABELS[doc.kind] ?? doc.kind;
  const future = doc.versions.find((version) => version.status === 'PUBLISHED' && version.validFrom && version.validFrom > today);
  usePrintIdentity(
    shown ? `${kind}: ${shown.title}${doc.registryNumber ? ` (${doc.registryNumber})` : ''}, version ${shown.number}` : null,
    shown?.validFrom ? `Gäller från ${shown.validFrom}` : null,
  );
  useEffect(() => {
    document.title = `${shown?.title ?? doc.title} – Dokument – Samsyn`;
  }, [shown, doc.title]);

  return (
    <article class="document" aria-labelledby="document-title">
      <p class="breadcrumbs no-print">
        <a href={href('dokument')}>Dokument</a> › {areaName}
      </p>
      <h1 id="document-title">{shown?.title ?? doc.title}</h1>
      <p class="doc-kind">
        {kind} · {areaName}
        {shown ? ` · version ${shown.number}` : ''}
      </p>
      {doc.retiredAt && (
        <p class="notice error" role="note">
          Dokumentet är upphävt sedan {doc.retiredAt.slice(0, 10)}
          {doc.retiredReason ? `: ${doc.retiredReason}` : '.'}
        </p>
      )}
      {asked !== undefined && shown && shown.number !== doc.current?.number && (
        <p class="notice" role="note">
          Du läser version {shown.number}, som inte är den som gäller i dag.{' '}
          {doc.current && <a href={documentHref(doc.area, doc.slug)}>Läs den gällande versionen (version {doc.current.number})</a>}
        </p>
      )}
      {!shown ? (
        <p class="notice">
          {asked !== undefined ? `Dokumentet har ingen publicerad version ${asked}.` : 'Ingen version av dokumentet gäller i dag.'}
        </p>
      ) : (
        <>
          {future && asked === undefined && (
            <p class="notice no-print" role="note">
              En ny version ({future.number}) gäller från {future.validFrom}.{' '}
              <a href={documentHref(doc.area, doc.slug, future.number)}>Läs version {future.number}</a>
            </p>
          )}
          <dl class="document-facts">
            <div>
              <dt>Gäller från</dt>
              <dd>{shown.validFrom ?? '–'}</dd>
            </div>
            <div>
              <dt>Revideras senast</dt>
              <dd>
                {shown.reviewBy ?? '–'}
                {shown.number === doc.current?.number && doc.overdueForReview && <strong class="overdue"> (datumet har passerat)</strong>}
              </dd>
            </div>
            <div>
              <dt>Ägare</dt>
              <dd>
                {doc.owner ? (
                  <>
                    {doc.owner.name}, {doc.owner.title} (<a href={`mailto:${doc.owner.email}`}>{doc.owner.email}</a>)
                  </>
                ) : (
                  'Ingen angiven'
                )}
              </dd>
            </div>
            <div>
              <dt>Lagrum</dt>
              <dd>
                <Lagrum items={shown.legalBasis} />
              </dd>
            </div>
            {shown.targetGroup && (
              <div>
                <dt>Målgrupp</dt>
                <dd>{shown.targetGroup}</dd>
              </div>
            )}
            {shown.decidedBy && (
              <div>
                <dt>Beslutad av</dt>
                <dd>{shown.decidedBy}</dd>
              </div>
            )}
            {doc.registryNumber && (
              <div>
                <dt>Diarienummer</dt>
                <dd>{doc.registryNumber}</dd>
              </div>
            )}
          </dl>
          <p class="summary">{shown.summary}</p>
          <Markdown source={shown.body} class="document-body" label="Dokumentets text" />
          {isArea(doc.area) && READABLE.has(shown.status) && (
            <FeedbackForm area={doc.area} versionId={shown.id} versionNumber={shown.number} />
          )}
        </>
      )}
      <section aria-labelledby="versions-title" class="versions">
        <h2 id="versions-title">Versioner</h2>
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col">Gäller från</th>
              <th scope="col">Publicerad</th>
              <th scope="col">Ändringar</th>
            </tr>
          </thead>
          <tbody>
            {doc.versions
              .filter((version) => READABLE.has(version.status))
              .map((version) => (
                <tr key={version.number} aria-current={version.number === shown?.number ? 'true' : undefined}>
                  <th scope="row">
                    {version.number === shown?.number ? (
                      `Version ${version.number}`
                    ) : (
                      <a href={documentHref(doc.area, doc.slug, version.number === doc.current?.number ? undefined : version.number)}>
                        Version {version.number}
                      </a>
                    )}
                  </th>
                  <td>{versionStatus(version.status, version.validFrom, doc.current?.number, version.number, today)}</td>
                  <td>{version.validFrom ?? '–'}</td>
                  <td>{version.publishedAt ? dateTime.format(new Date(version.publishedAt)) : '–'}</td>
                  <td>{version.changeSummary ?? '–'}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </section>
      <p class="print-only printed">
        Utskriven {today} från Samsyn. Kontrollera att versionen fortfarande gäller: {location.origin}/dashboard/
        {documentHref(doc.area, doc.slug)}
      </p>
    </article>
  );
}

/** One document, readable by everyone: `#/dokument/<area>/<slug>`, an earlier version with `?version=N`. */
export function DocumentPage({ route }: { route: Route }) {
  const area = areaOfSegment(route.segments[0]);
  const slug = route.segments[1] ?? '';
  const askedText = route.params.get('version');
  const asked = askedText && /^\d+$/.test(askedText) ? Number(askedText) : undefined;
  const loaded = useLoad(async () => {
    if (!area || !slug) return null;
    const [doc, names] = await Promise.all([readDocument(area, slug, asked !== undefined), loadAreaNames()]);
    return doc && { doc, areaName: names.get(area) ?? area };
  }, [area, slug, asked]);

  return (
    <Status loaded={loaded}>
      {(data) =>
        data ? (
          <DocumentView doc={data.doc} areaName={data.areaName} asked={asked} />
        ) : (
          <>
            <h1>Dokumentet finns inte</h1>
            <p>
              Det finns inget publicerat dokument på den här adressen. <a href={href('dokument')}>Sök bland dokumenten</a>
            </p>
          </>
        )
      }
    </Status>
  );
}
