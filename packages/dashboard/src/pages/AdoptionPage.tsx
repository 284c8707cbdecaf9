import { useContext, useEffect } from 'preact/hooks';
import { request } from '../api/client';
import { useLoad } from '../api/hooks';
import { SessionContext } from '../components/session-context';
import { Status } from '../components/Status';
import {
  AdoptionMatrixAdultServicesDocument,
  AdoptionMatrixChildServicesDocument,
  AdoptionMatrixDisabilityDocument,
  AdoptionMatrixIncomeSupportDocument,
  PublishedDocumentsAdultServicesDocument,
  PublishedDocumentsChildServicesDocument,
  PublishedDocumentsDisabilityDocument,
  PublishedDocumentsIncomeSupportDocument,
  type AdoptionMatrixChildServicesQuery,
  type PublishedDocumentFieldsFragment,
} from '../gql/graphql';
import { AREAS, isArea, type ShownArea } from '../model/areas';
import { loadCatalogue } from '../model/catalogue';
import { documentHref } from '../model/documents';
import { KIND_NAMES } from '../model/format';
import { href, type Route } from '../router';

/** A document with its adoption; the four areas' matrix queries answer the same shape. */
type MatrixDocument = NonNullable<AdoptionMatrixChildServicesQuery['childServices']>['documents']['edges'][number]['node'];
type Adoption = NonNullable<MatrixDocument['adoption']>[number];

interface AreaDocuments<T> {
  documents: { edges: { node: T }[] };
}
const nodes = <T,>(area: AreaDocuments<T> | null | undefined): T[] => area?.documents.edges.map((edge) => edge.node) ?? [];

/** One operation per area (see operations.graphql): the matrix with adoption, for signed-in callers. */
async function loadMatrix(area: ShownArea) {
  switch (area) {
    case 'CHILD_SERVICES': {
      const data = await request(AdoptionMatrixChildServicesDocument, {});
      return { districts: data.districts, documents: nodes(data.childServices) };
    }
    case 'ADULT_SERVICES': {
      const data = await request(AdoptionMatrixAdultServicesDocument, {});
      return { districts: data.districts, documents: nodes(data.adultServices) };
    }
    case 'DISABILITY': {
      const data = await request(AdoptionMatrixDisabilityDocument, {});
      return { districts: data.districts, documents: nodes(data.disability) };
    }
    case 'INCOME_SUPPORT': {
      const data = await request(AdoptionMatrixIncomeSupportDocument, {});
      return { districts: data.districts, documents: nodes(data.incomeSupport) };
    }
  }
}

/** The documents in force, which anyone may read. */
async function loadPublished(area: ShownArea): Promise<PublishedDocumentFieldsFragment[]> {
  switch (area) {
    case 'CHILD_SERVICES':
      return nodes((await request(PublishedDocumentsChildServicesDocument, {})).childServices);
    case 'ADULT_SERVICES':
      return nodes((await request(PublishedDocumentsAdultServicesDocument, {})).adultServices);
    case 'DISABILITY':
      return nodes((await request(PublishedDocumentsDisabilityDocument, {})).disability);
    case 'INCOME_SUPPORT':
      return nodes((await request(PublishedDocumentsIncomeSupportDocument, {})).incomeSupport);
  }
}

function Cell({ adoption, current }: { adoption: Adoption | undefined; current: number | undefined }) {
  if (!adoption) {
    return (
      <td class="cell-none">
        <span aria-hidden="true">–</span>
        <span class="visually-hidden">Ingen uppgift</span>
      </td>
    );
  }
  const version = adoption.version ? `v${adoption.version.number}` : '';
  const status = adoption.status === 'IMPLEMENTED' ? 'genomförd' : adoption.status === 'ACKNOWLEDGED' ? 'kvitterad' : 'ej kvitterad';
  if (adoption.lagging) {
    return (
      <td class="cell-lagging" data-lagging="true" data-district={adoption.district.code}>
        <span class="lag-mark" aria-hidden="true">
          !
        </span>{' '}
        {version ? `${version} ${status}` : status}
        <br />
        <strong>
          släpar {adoption.daysLagging ?? '?'} d<span class="visually-hidden">agar efter version {current}</span>
        </strong>
      </td>
    );
  }
  return (
    <td class={adoption.status === 'IMPLEMENTED' ? 'cell-implemented' : 'cell-acknowledged'} data-district={adoption.district.code}>
      {version} {status}
    </td>
  );
}

function Matrix({
  area,
  documents,
  districts,
  areaName,
}: {
  area: ShownArea;
  documents: MatrixDocument[];
  districts: { code: string; name: string }[];
  areaName: string;
}) {
  const lagging = documents.reduce((sum, doc) => sum + (doc.adoption ?? []).filter((a) => a.lagging).length, 0);
  return (
    <>
      <p>
        {documents.length} dokument gäller, {lagging} {lagging === 1 ? 'cell släpar' : 'celler släpar'} efter (markerade med ! och röd ram).
      </p>
      <div class="matrix-scroll" tabIndex={0} role="region" aria-label={`Införandematris, ${areaName}`}>
        <table class="data-table matrix">
          <caption>{areaName}: den version varje stadsdel har kvitterat eller genomfört, per dokument</caption>
          <thead>
            <tr>
              <th scope="col">Dokument</th>
              {districts.map((district) => (
                <th scope="col" key={district.code}>
                  <a href={href('stadsdel', { id: district.code })}>{district.name}</a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {documents.map((doc) => {
              const byDistrict = new Map((doc.adoption ?? []).map((a) => [a.district.code, a]));
              return (
                <tr key={doc.id} data-document={doc.slug}>
                  <th scope="row">
                    <a href={documentHref(area, doc.slug)}>{doc.title}</a>
                    <span class="doc-meta">
                      {KIND_NAMES[doc.kind] ?? doc.kind}
                      {doc.current ? `, version ${doc.current.number} gäller` : ''}
                    </span>
                  </th>
                  {districts.map((district) => (
                    <Cell key={district.code} adoption={byDistrict.get(district.code)} current={doc.current?.number} />
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function PublishedList({ area, documents }: { area: ShownArea; documents: PublishedDocumentFieldsFragment[] }) {
  return (
    <>
      <div class="notice">
        <p>Införandet per stadsdel visas för inloggade. Dokumenten som gäller kan alla läsa:</p>
        <p>
          <a href={href('logga-in')}>Logga in</a>
        </p>
      </div>
      <ul class="documents">
        {documents.map((doc) => (
          <li key={doc.id}>
            <a href={documentHref(area, doc.slug)}>{doc.title}</a> ({KIND_NAMES[doc.kind] ?? doc.kind}
            {doc.current ? `, version ${doc.current.number} från ${doc.current.validFrom ?? '–'}` : ''})
          </li>
        ))}
      </ul>
    </>
  );
}

/** Införande: documents × districts for one area, lagging cells marked. */
export function AdoptionPage({ route }: { route: Route }) {
  const { session } = useContext(SessionContext);
  const signedIn = session?.principal?.name ?? '';
  const asked = route.params.get('omrade') ?? undefined;
  const area: ShownArea = isArea(asked) ? asked : 'CHILD_SERVICES';
  useEffect(() => {
    document.title = 'Införande – Samsyn';
  }, []);
  const loaded = useLoad(async () => {
    const cat = await loadCatalogue();
    const areaName = cat.areas.find((item) => item.area === area)?.name ?? area;
    if (!signedIn) return { areaName, districts: [], matrix: null, published: await loadPublished(area) };
    const { districts, documents } = await loadMatrix(area);
    return { areaName, districts, matrix: documents, published: [] };
  }, [area, signedIn]);
  const names = useLoad(loadCatalogue, []);

  return (
    <>
      <h1>Införande</h1>
      <nav aria-label="Områden" class="area-tabs">
        <ul>
          {AREAS.map((item) => (
            <li key={item}>
              <a href={href('inforande', { params: { omrade: item } })} aria-current={item === area ? 'page' : undefined}>
                {names.state === 'done' ? (names.data.areas.find((a) => a.area === item)?.name ?? item) : item}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Status loaded={loaded}>
        {(data) =>
          data.matrix ? (
            <Matrix area={area} documents={data.matrix} districts={data.districts} areaName={data.areaName} />
          ) : (
            <PublishedList area={area} documents={data.published} />
          )
        }
      </Status>
    </>
  );
}
