import { useContext, useEffect } from 'preact/hooks';
import { request } from '../api/client';
import { useLoad } from '../api/hooks';
import { SessionContext } from '../components/session-context';
import { ExportButtons } from '../components/ExportButtons';
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
import { extractTime, type ExportTable } from '../model/export';
import { KIND_NAMES } from '../model/format';
import { href, replaceRoute, signInHref, type Route } from '../router';

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

const STATUS_NAMES: Record<string, string> = { IMPLEMENTED: 'genomförd', ACKNOWLEDGED: 'kvitterad' };
const statusName = (status: string | null | undefined) => (status ? (STATUS_NAMES[status] ?? status) : 'ej kvitterad');

/** A district's name, breakable at its hyphens so the matrix's columns stay narrow. */
function breakable(name: string) {
  return name.split('-').map((part, i, parts) => (
    <span key={i}>
      {part}
      {i < parts.length - 1 && (
        <>
          -<wbr />
        </>
      )}
    </span>
  ));
}

/** What a cell says, as text: the same words on the page and in the files. */
function cellText(adoption: Adoption | undefined, upcoming: number | undefined): string {
  if (!adoption) return 'Ingen uppgift';
  const version = adoption.version ? `v${adoption.version.number} ` : '';
  const main = `${version}${statusName(adoption.status)}`;
  const lag = adoption.lagging ? `, släpar ${adoption.daysLagging ?? '?'} dagar` : '';
  const ahead = upcoming !== undefined ? `; kommande v${upcoming}: ${statusName(adoption.upcomingStatus)}` : '';
  return `${main}${lag}${ahead}`;
}

function UpcomingLine({ adoption, upcoming }: { adoption: Adoption; upcoming: number | undefined }) {
  if (upcoming === undefined) return null;
  return (
    <span class={`upcoming-cell ${adoption.upcomingStatus ? 'upcoming-done' : ''}`}>
      <span class="visually-hidden">Kommande version </span>
      <span aria-hidden="true">Kommande </span>v{upcoming}: {statusName(adoption.upcomingStatus)}
    </span>
  );
}

function Cell({
  adoption,
  current,
  upcoming,
}: {
  adoption: Adoption | undefined;
  current: number | undefined;
  upcoming: number | undefined;
}) {
  if (!adoption) {
    return (
      <td class="cell-none">
        <span aria-hidden="true">–</span>
        <span class="visually-hidden">Ingen uppgift</span>
      </td>
    );
  }
  const version = adoption.version ? `v${adoption.version.number}` : '';
  const status = statusName(adoption.status);
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
        <UpcomingLine adoption={adoption} upcoming={upcoming} />
      </td>
    );
  }
  return (
    <td class={adoption.status === 'IMPLEMENTED' ? 'cell-implemented' : 'cell-acknowledged'} data-district={adoption.district.code}>
      {version} {status}
      <UpcomingLine adoption={adoption} upcoming={upcoming} />
    </td>
  );
}

/** What the marks of the matrix mean. */
function Legend() {
  return (
    <section class="matrix-legend" aria-labelledby="matrix-legend-title">
      <h2 id="matrix-legend-title">Förklaring</h2>
      <ul>
        <li>
          <span class="swatch cell-implemented" aria-hidden="true" />
          <span>
            <strong>genomförd</strong>: stadsdelen arbetar efter versionen
          </span>
        </li>
        <li>
          <span class="swatch cell-acknowledged" aria-hidden="true" />
          <span>
            <strong>kvitterad</strong>: stadsdelen har tagit del av versionen och planerar införandet
          </span>
        </li>
        <li>
          <span class="swatch cell-lagging" aria-hidden="true">
            <span class="lag-mark">!</span>
          </span>
          <span>
            <strong>släpar</strong>: har inte kvitterat versionen som gäller; dagar sedan den började gälla
          </span>
        </li>
        <li>
          <span class="swatch cell-none" aria-hidden="true">
            –
          </span>
          <span>
            <strong>ingen uppgift</strong> från stadsdelen
          </span>
        </li>
        <li>
          <span class="swatch upcoming-swatch" aria-hidden="true" />
          <span>
            <strong>Kommande</strong>: en publicerad version som börjar gälla senare, och om stadsdelen redan har kvitterat den
          </span>
        </li>
      </ul>
    </section>
  );
}

/** The matrix as a file: one row per document, one column per district, the cells in words. */
function matrixExport(
  areaName: string,
  documents: MatrixDocument[],
  districts: { code: string; name: string }[],
  onlyLagging: boolean,
): ExportTable {
  return {
    fileName: `inforande-${areaName.toLowerCase().replace(/[^a-z0-9åäö]+/g, '-')}`,
    title: `${areaName}: den version varje stadsdel har kvitterat eller genomfört, per dokument`,
    about: [
      ['Område', areaName],
      ['Urval', onlyLagging ? 'Bara dokument och stadsdelar som släpar efter' : 'Alla dokument som gäller och alla stadsdelar'],
      [
        'Metod',
        'En stadsdel släpar när den inte har kvitterat versionen som gäller; dagarna räknas från då versionens krav började gälla. Kommande: en publicerad version som börjar gälla senare.',
      ],
      ['Uttaget', extractTime()],
      ['Källa', `Samsyn, ${location.href}`],
    ],
    columns: [
      'Dokument',
      'Typ',
      'Version som gäller',
      'Gäller från',
      'Kommande version',
      'Kommande gäller från',
      ...districts.map((d) => d.name),
    ],
    rows: documents.map((doc) => {
      const byDistrict = new Map((doc.adoption ?? []).map((a) => [a.district.code, a]));
      return [
        doc.title,
        KIND_NAMES[doc.kind] ?? doc.kind,
        doc.current?.number ?? null,
        doc.current?.validFrom ?? null,
        doc.upcoming?.number ?? null,
        doc.upcoming?.validFrom ?? null,
        ...districts.map((d) => cellText(byDistrict.get(d.code), doc.upcoming?.number)),
      ];
    }),
  };
}

function Matrix({
  area,
  documents,
  districts,
  areaName,
  onlyLagging,
  setOnlyLagging,
}: {
  area: ShownArea;
  documents: MatrixDocument[];
  districts: { code: string; name: string }[];
  areaName: string;
  onlyLagging: boolean;
  setOnlyLagging: (only: boolean) => void;
}) {
  const lagging = documents.reduce((sum, doc) => sum + (doc.adoption ?? []).filter((a) => a.lagging).length, 0);
  const upcoming = documents.filter((doc) => doc.upcoming).length;
  // Only lagging: the documents some district lags on, and the districts that lag on one of them.
  const laggingDocuments = documents.filter((doc) => (doc.adoption ?? []).some((a) => a.lagging));
  const laggingDistricts = new Set(
    laggingDocuments.flatMap((doc) => (doc.adoption ?? []).filter((a) => a.lagging).map((a) => a.district.code)),
  );
  const shownDocuments = onlyLagging ? laggingDocuments : documents;
  const shownDistricts = onlyLagging ? districts.filter((d) => laggingDistricts.has(d.code)) : districts;
  return (
    <>
      <p aria-live="polite">
        {documents.length} dokument gäller, {lagging} {lagging === 1 ? 'cell släpar' : 'celler släpar'} efter (markerade med ! och röd ram)
        {upcoming > 0 ? `; ${upcoming} ${upcoming === 1 ? 'dokument har' : 'dokument har'} en kommande version` : ''}.
        {onlyLagging ? ` Visar ${shownDocuments.length} dokument och ${shownDistricts.length} stadsdelar som släpar efter.` : ''}
      </p>
      <div class="matrix-tools no-print">
        <div class="checkbox">
          <input
            id="only-lagging"
            type="checkbox"
            checked={onlyLagging}
            onChange={(event) => setOnlyLagging(event.currentTarget.checked)}
          />
          <label for="only-lagging">Visa bara eftersläpande</label>
        </div>
        <ExportButtons label="Hämta matrisen" table={() => matrixExport(areaName, shownDocuments, shownDistricts, onlyLagging)} />
      </div>
      <Legend />
      <div class="matrix-scroll" tabIndex={0} role="region" aria-label={`Införandematris, ${areaName}`}>
        <table class="data-table matrix">
          <caption>{areaName}: den version varje stadsdel har kvitterat eller genomfört, per dokument</caption>
          <colgroup>
            <col class="matrix-document" />
            {shownDistricts.map((district) => (
              <col key={district.code} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Dokument</th>
              {shownDistricts.map((district) => (
                <th scope="col" key={district.code} data-district={district.code}>
                  <a href={href('stadsdel', { id: district.code })}>{breakable(district.name)}</a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shownDocuments.map((doc) => {
              const byDistrict = new Map((doc.adoption ?? []).map((a) => [a.district.code, a]));
              return (
                <tr key={doc.id} data-document={doc.slug}>
                  <th scope="row">
                    <a href={documentHref(area, doc.slug)}>{doc.title}</a>
                    <span class="doc-meta">
                      {KIND_NAMES[doc.kind] ?? doc.kind}
                      {doc.current ? `, version ${doc.current.number} gäller` : ''}
                    </span>
                    {doc.upcoming && (
                      <span class="doc-meta upcoming-version">
                        Kommande: version {doc.upcoming.number} från {doc.upcoming.validFrom ?? '–'}
                      </span>
                    )}
                  </th>
                  {shownDistricts.map((district) => (
                    <Cell
                      key={district.code}
                      adoption={byDistrict.get(district.code)}
                      current={doc.current?.number}
                      upcoming={doc.upcoming?.number}
                    />
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
          <a href={signInHref(location.hash)}>Logga in</a>
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
  const onlyLagging = route.params.get('slapar') === 'ja';
  const setOnlyLagging = (only: boolean) => replaceRoute(href('inforande', { params: { omrade: asked, slapar: only ? 'ja' : undefined } }));
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
    <div class="matrix-page">
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
            <Matrix
              area={area}
              documents={data.matrix}
              districts={data.districts}
              areaName={data.areaName}
              onlyLagging={onlyLagging}
              setOnlyLagging={setOnlyLagging}
            />
          ) : (
            <PublishedList area={area} documents={data.published} />
          )
        }
      </Status>
    </div>
  );
}
