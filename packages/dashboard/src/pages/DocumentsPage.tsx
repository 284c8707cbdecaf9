import { useEffect, useState } from 'preact/hooks';
import { useLoad } from '../api/hooks';
import { Status } from '../components/Status';
import type { DocumentKind } from '../gql/graphql';
import { AREAS, isArea, type ShownArea } from '../model/areas';
import { documentHref, KIND_LABELS, loadAreaNames, searchDocuments } from '../model/documents';
import { href, replaceRoute, type Route } from '../router';
import './documents.css';

const KINDS = Object.keys(KIND_LABELS) as DocumentKind[];

/** Dokument: every published routine, guideline and method, searched and filtered; no sign-in needed. */
export function DocumentsPage({ route }: { route: Route }) {
  const search = route.params.get('sok') ?? '';
  const askedArea = route.params.get('omrade') ?? '';
  const area: ShownArea | undefined = isArea(askedArea) ? askedArea : undefined;
  const askedKind = route.params.get('typ') ?? '';
  const kind = KINDS.includes(askedKind as DocumentKind) ? (askedKind as DocumentKind) : undefined;
  const [typed, setTyped] = useState(search);
  useEffect(() => setTyped(search), [search]);
  useEffect(() => {
    document.title = 'Dokument – Samsyn';
  }, []);

  const go = (next: { sok?: string; omrade?: string; typ?: string }) =>
    replaceRoute(href('dokument', { params: { sok: search || undefined, omrade: area, typ: kind, ...next } }));

  const loaded = useLoad(async () => {
    const names = await loadAreaNames();
    const areas = area ? [area] : AREAS;
    const lists = await Promise.all(
      areas.map(async (item) => ({ area: item, name: names.get(item) ?? item, documents: await searchDocuments(item, search, kind) })),
    );
    return { lists, names };
  }, [search, area, kind]);

  return (
    <>
      <h1>Dokument</h1>
      <p class="lead">
        Stadens gemensamma rutiner, riktlinjer och metoder i socialtjänsten, i den version som gäller i dag. Alla kan läsa dem, utan att
        logga in.
      </p>
      <form
        role="search"
        class="document-search"
        onSubmit={(event) => {
          event.preventDefault();
          go({ sok: typed.trim() || undefined });
        }}
      >
        <div class="field">
          <label for="document-search">Sök i dokumenten</label>
          <input
            id="document-search"
            type="search"
            value={typed}
            onInput={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
          />
        </div>
        <div class="field">
          <label for="document-area">Område</label>
          <select id="document-area" value={area ?? ''} onChange={(event) => go({ omrade: event.currentTarget.value || undefined })}>
            <option value="">Alla områden</option>
            {AREAS.map((item) => (
              <option key={item} value={item}>
                {loaded.state === 'done' ? (loaded.data.names.get(item) ?? item) : item}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="document-kind">Dokumenttyp</label>
          <select id="document-kind" value={kind ?? ''} onChange={(event) => go({ typ: event.currentTarget.value || undefined })}>
            <option value="">Alla typer</option>
            {KINDS.map((item) => (
              <option key={item} value={item}>
                {KIND_LABELS[item]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Sök</button>
      </form>
      <Status loaded={loaded}>
        {({ lists }) => {
          const total = lists.reduce((sum, list) => sum + list.documents.length, 0);
          return (
            <>
              <p role="status" class="result-count">
                {total === 0
                  ? search
                    ? `Inga dokument matchar ”${search}”.`
                    : 'Inga dokument.'
                  : `${total} ${total === 1 ? 'dokument' : 'dokument'}${search ? ` matchar ”${search}”, bäst träff först` : ''}.`}
              </p>
              {lists
                .filter((list) => list.documents.length > 0)
                .map((list) => (
                  <section key={list.area} aria-labelledby={`area-${list.area}`}>
                    <h2 id={`area-${list.area}`}>{list.name}</h2>
                    <ul class="document-list">
                      {list.documents.map((doc) => (
                        <li key={doc.id}>
                          <a href={documentHref(doc.area, doc.slug)} class="document-title">
                            {doc.title}
                          </a>
                          <span class="doc-meta">
                            {KIND_LABELS[doc.kind]}
                            {doc.current?.validFrom ? `, gäller från ${doc.current.validFrom}` : ''}
                            {doc.current?.reviewBy ? `, revideras senast ${doc.current.reviewBy}` : ''}
                          </span>
                          {doc.current?.summary && <p>{doc.current.summary}</p>}
                        </li>
                      ))}
                    </ul>
                  </section>
                ))}
            </>
          );
        }}
      </Status>
    </>
  );
}
