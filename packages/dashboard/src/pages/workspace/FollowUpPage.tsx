import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import { useLoad } from '../../api/hooks';
import { loadWorkspaceDocument, type WorkspaceDocument } from '../../api/workspace';
import { Status } from '../../components/Status';
import { FeedbackItem } from '../../components/workspace/FeedbackItem';
import { OwnerTransfer } from '../../components/workspace/OwnerTransfer';
import { isArea, type ShownArea } from '../../model/areas';
import type { AdoptionStatus } from '../../gql/graphql';
import { documentHref } from '../../model/documents';
import { KIND_NAMES } from '../../model/format';
import { STATUS_NAMES } from '../../model/workspace';
import type { Route } from '../../router';
import { reviewLink, versionLink } from './links';
import { NewVersionButton } from './NewVersionButton';
import { formatDay } from './TasksPage';

const timeFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' });
const formatTime = (at: string | null | undefined): string => (at ? timeFormat.format(new Date(at)) : '–');

const STANDING: Record<AdoptionStatus, string> = { ACKNOWLEDGED: 'Kvitterad', IMPLEMENTED: 'Genomförd' };

const ACTION_NAMES: Record<string, string> = {
  createDraft: 'Började ett utkast',
  updateDraft: 'Ändrade utkastet',
  submitForReview: 'Skickade för granskning',
  returnToDraft: 'Skickade tillbaka',
  publish: 'Publicerade',
  retire: 'Upphävde dokumentet',
  acknowledge: 'Kvitterade',
  createDocument: 'Skapade dokumentet',
  leaveFeedback: 'Lämnade en synpunkt',
  answerFeedback: 'Svarade på en synpunkt',
  linkFeedbackToDraft: 'Kopplade en synpunkt till ett utkast',
  transferOwnership: 'Bytte ägare',
};

/** Uppföljning: where every district stands, the document's versions and its history. */
export function FollowUpPage({ route }: { route: Route }) {
  const area = route.params.get('omrade') ?? undefined;
  const [generation, setGeneration] = useState(0);
  const loaded = useLoad(
    () => (route.id && isArea(area) ? loadWorkspaceDocument(area, route.id) : Promise.reject(new ApiError('Okänt dokument.', 'NOT_FOUND'))),
    [route.id, area, generation],
  );
  useEffect(() => {
    document.title = 'Uppföljning – Samsyn';
  }, []);
  return (
    <Status loaded={loaded}>
      {({ document, districts, leaders }) =>
        document && isArea(area) ? (
          <FollowUp document={document} districts={districts} leaders={leaders} area={area} onChanged={() => setGeneration((n) => n + 1)} />
        ) : (
          <>
            <h1>Uppföljning</h1>
            <p class="notice">Dokumentet finns inte, eller så får du inte se det.</p>
          </>
        )
      }
    </Status>
  );
}

function FollowUp({
  document,
  districts,
  leaders,
  area,
  onChanged,
}: {
  document: WorkspaceDocument;
  districts: { code: string; name: string }[];
  leaders: { id: string; name: string }[];
  area: ShownArea;
  onChanged: () => void;
}) {
  const drafts = document.versions.filter((v) => v.status === 'DRAFT' || v.status === 'IN_REVIEW');
  const feedback = document.feedback ?? [];
  const current = document.current;
  const upcoming = document.upcoming;
  const inWork = document.versions.find((v) => v.status === 'DRAFT' || v.status === 'IN_REVIEW');
  const adoptionBy = new Map((document.adoption ?? []).map((adoption) => [adoption.district.code, adoption]));
  return (
    <>
      <h1>{document.title}</h1>
      {current && (
        <p>
          <a href={documentHref(area, document.slug)}>Läs dokumentet som det gäller</a>
        </p>
      )}
      <dl class="facts">
        <div>
          <dt>Typ</dt>
          <dd>{KIND_NAMES[document.kind]}</dd>
        </div>
        <div>
          <dt>Ägare</dt>
          <dd class="owner">{document.owner?.name ?? document.ownerName ?? 'Ingen ägare angiven'}</dd>
        </div>
        <div>
          <dt>Gäller</dt>
          <dd>
            {current ? `version ${current.number} från ${current.validFrom ? formatDay(current.validFrom) : '–'}` : 'ingen version gäller'}
          </dd>
        </div>
        {current?.requirementsSince && current.requirementsSince !== current.validFrom && (
          <div>
            <dt>Kraven gäller sedan</dt>
            <dd>{formatDay(current.requirementsSince)} (redaktionell ändring)</dd>
          </div>
        )}
        <div>
          <dt>Revideras senast</dt>
          <dd>{current?.reviewBy ? formatDay(current.reviewBy) : '–'}</dd>
        </div>
        {document.registryNumber && (
          <div>
            <dt>Diarienummer</dt>
            <dd>{document.registryNumber}</dd>
          </div>
        )}
      </dl>
      {!document.retiredAt && (
        <OwnerTransfer
          area={area}
          documentId={document.id}
          leaders={leaders}
          owner={document.owner?.name ?? document.ownerName ?? null}
          onChanged={onChanged}
        />
      )}
      <p class="actions">
        {inWork ? (
          <a href={versionLink(area, document.id, inWork)}>
            Version {inWork.number} är {inWork.status === 'DRAFT' ? 'ett utkast' : 'under granskning'}
          </a>
        ) : (
          current && !document.retiredAt && <NewVersionButton area={area} documentId={document.id} title={document.title} />
        )}
      </p>

      <h2>Stadsdelarnas införande</h2>
      <table class="data-table adoption-table">
        <caption>
          Var varje stadsdel står i versionen som gäller{current ? ` (version ${current.number})` : ''}
          {upcoming ? ` och i version ${upcoming.number}, som gäller från ${upcoming.validFrom ? formatDay(upcoming.validFrom) : '–'}` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Stadsdel</th>
            <th scope="col">Gällande version</th>
            <th scope="col">Kvitterad</th>
            <th scope="col">Genomförd</th>
            <th scope="col">Släpar</th>
            {upcoming && <th scope="col">Kommande version {upcoming.number}</th>}
          </tr>
        </thead>
        <tbody>
          {districts.map((district) => {
            const adoption = adoptionBy.get(district.code);
            const onCurrent = adoption?.currentStatus != null;
            // The dates are of the newest version the district acknowledged: named when it is not the one in force.
            const other = adoption?.version && adoption.version.id !== current?.id ? ` (version ${adoption.version.number})` : '';
            const dated = (at: string | null | undefined) => (at ? `${formatTime(at)}${other}` : '–');
            return (
              <tr key={district.code} data-district={district.code} data-lagging={adoption?.lagging ? 'true' : undefined}>
                <th scope="row">{district.name}</th>
                <td class="current-status">
                  {onCurrent
                    ? STANDING[adoption.currentStatus!]
                    : adoption?.status
                      ? `Ej kvitterad (${STANDING[adoption.status].toLowerCase()} version ${adoption.version?.number ?? '?'})`
                      : 'Ej kvitterad'}
                </td>
                <td>{dated(adoption?.acknowledgedAt)}</td>
                <td>{dated(adoption?.implementedAt)}</td>
                <td class="lag">
                  {adoption?.lagging
                    ? adoption.daysLagging === 0
                      ? 'Ja, sedan i dag'
                      : `${adoption.daysLagging ?? '?'} dagar`
                    : adoption
                      ? 'Nej'
                      : 'Ingen uppgift'}
                </td>
                {upcoming && (
                  <td class="upcoming-status">{adoption?.upcomingStatus ? STANDING[adoption.upcomingStatus] : 'Ej kvitterad'}</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2 id="synpunkter">Synpunkter</h2>
      {feedback.length === 0 ? (
        <p class="empty">Inga synpunkter på dokumentet.</p>
      ) : (
        <ul class="feedback-list">
          {feedback.map((item) => (
            <li key={item.id}>
              <FeedbackItem area={area} feedback={item} drafts={drafts} onChanged={onChanged} />
            </li>
          ))}
        </ul>
      )}

      <h2>Versioner</h2>
      <table class="data-table versions-table">
        <caption>Alla versioner, den nyaste först</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Titel</th>
            <th scope="col">Status</th>
            <th scope="col">Gäller från</th>
            <th scope="col">Publicerad</th>
            <th scope="col">Ändringens art</th>
            <th scope="col">
              <span class="visually-hidden">Jämförelse</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {document.versions.map((version) => (
            <tr key={version.id} data-version={version.id}>
              <td class="num">{version.number}</td>
              <th scope="row">
                <a
                  href={
                    version.publishedAt
                      ? documentHref(area, document.slug, version.id === current?.id ? undefined : version.number)
                      : versionLink(area, document.id, version)
                  }
                >
                  {version.title}
                </a>
              </th>
              <td>{STATUS_NAMES[version.status]}</td>
              <td>{version.validFrom ? formatDay(version.validFrom) : '–'}</td>
              <td>{formatTime(version.publishedAt)}</td>
              <td>{version.changeKind === 'EDITORIAL' ? 'Redaktionell' : version.changeKind === 'SUBSTANTIVE' ? 'Saklig' : '–'}</td>
              <td>
                {version.number > 1 && (
                  <a href={reviewLink(area, document.id, version.id)} aria-label={`Jämför version ${version.number} med tidigare`}>
                    Jämför
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Historik</h2>
      <table class="data-table history-table">
        <caption>Granskningsloggen, den äldsta först</caption>
        <thead>
          <tr>
            <th scope="col">När</th>
            <th scope="col">Vem</th>
            <th scope="col">Vad</th>
          </tr>
        </thead>
        <tbody>
          {(document.history ?? []).map((entry) => {
            const number = document.versions.find((v) => v.id === entry.entityId)?.number;
            return (
              <tr key={entry.id} data-action={entry.action}>
                <td>{formatTime(entry.at)}</td>
                <td>{entry.actor}</td>
                <td>
                  {ACTION_NAMES[entry.action] ?? entry.action}
                  {number !== undefined && ` (version ${number})`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
