import { useContext, useEffect } from 'preact/hooks';
import { useLoad } from '../../api/hooks';
import { loadWorkspaceLists } from '../../api/workspace';
import { SessionContext } from '../../components/session-context';
import { Status } from '../../components/Status';
import { KIND_NAMES } from '../../model/format';
import { isArea } from '../../model/areas';
import { ledAreas, STATUS_NAMES } from '../../model/workspace';
import { href } from '../../router';
import type { AreaLists } from '../../api/workspace';
import { followUpLink, versionLink } from './links';
import { NewVersionButton } from './NewVersionButton';
import { formatDay } from './TasksPage';

function AreaWork({ lists }: { lists: AreaLists }) {
  const area = lists.area;
  const inWork = [...lists.drafts.edges, ...lists.reviews.edges]
    .map((edge) => edge.node)
    .flatMap((document) =>
      document.versions.filter((v) => v.status === 'DRAFT' || v.status === 'IN_REVIEW').map((version) => ({ document, version })),
    )
    .filter((item, index, all) => all.findIndex((other) => other.version.id === item.version.id) === index);
  const inForce = lists.inForce.edges.map((edge) => edge.node);
  const more =
    lists.inForce.totalCount > inForce.length ||
    lists.drafts.totalCount > lists.drafts.edges.length ||
    lists.reviews.totalCount > lists.reviews.edges.length;
  return (
    <section class="workspace-area" data-area={area} aria-labelledby={`arbetsyta-${area}`}>
      <h2 id={`arbetsyta-${area}`}>{lists.name}</h2>
      {more && (
        <p class="notice">
          Området har fler dokument än som visas här ({lists.inForce.totalCount} gällande); de första 20 i varje lista visas.
        </p>
      )}
      <table class="data-table">
        <caption>Utkast och versioner som granskas</caption>
        <thead>
          <tr>
            <th scope="col">Dokument</th>
            <th scope="col">Typ</th>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {inWork.length === 0 && (
            <tr>
              <td colSpan={4}>Inga utkast eller versioner som granskas.</td>
            </tr>
          )}
          {inWork.map(({ document, version }) => (
            <tr key={version.id} data-version={version.id}>
              <th scope="row">
                <a href={versionLink(area, document.id, version)}>{version.title}</a>
              </th>
              <td>{KIND_NAMES[document.kind]}</td>
              <td class="num">{version.number}</td>
              <td>{STATUS_NAMES[version.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table class="data-table">
        <caption>Gällande dokument</caption>
        <thead>
          <tr>
            <th scope="col">Dokument</th>
            <th scope="col">Typ</th>
            <th scope="col">Version</th>
            <th scope="col">Gäller från</th>
            <th scope="col">Revideras senast</th>
            <th scope="col">
              <span class="visually-hidden">Åtgärd</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {inForce.map((document) => (
            <tr key={document.id} data-document={document.id}>
              <th scope="row">
                <a href={followUpLink(area, document.id)}>{document.title}</a>
              </th>
              <td>{KIND_NAMES[document.kind]}</td>
              <td class="num">{document.current?.number ?? '–'}</td>
              <td>{document.current?.validFrom ? formatDay(document.current.validFrom) : '–'}</td>
              <td>{document.current?.reviewBy ? formatDay(document.current.reviewBy) : '–'}</td>
              <td>
                {(() => {
                  // A version already in work is continued, not started again.
                  const working = inWork.find((item) => item.document.id === document.id);
                  if (working) {
                    return (
                      <a href={versionLink(area, document.id, working.version)}>
                        Version {working.version.number} {working.version.status === 'DRAFT' ? 'är ett utkast' : 'granskas'}
                      </a>
                    );
                  }
                  return isArea(area) && <NewVersionButton area={area} documentId={document.id} title={document.title} />;
                })()}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Arbetsyta: every draft, review and document in force of the leader's areas, and where new ones start. */
export function WorkspacePage() {
  const { session } = useContext(SessionContext);
  const areas = ledAreas(session?.principal);
  const lists = useLoad(() => loadWorkspaceLists(areas), [areas.join()]);
  useEffect(() => {
    document.title = 'Arbetsyta – Samsyn';
  }, []);
  return (
    <>
      <h1>Arbetsyta</h1>
      {areas.length === 0 ? (
        <p class="notice">
          Arbetsytan är till för processledare. <a href={href('logga-in')}>Logga in</a>
        </p>
      ) : (
        <>
          <p class="lead">Skriv nya dokument och nya versioner, granska kollegors versioner och följ upp införandet.</p>
          <p>
            <button type="button" class="primary" onClick={() => (location.hash = href('nytt-dokument'))}>
              Nytt dokument
            </button>
          </p>
          <Status loaded={lists}>{(data) => data.map((area) => <AreaWork key={area.area} lists={area} />)}</Status>
        </>
      )}
    </>
  );
}
