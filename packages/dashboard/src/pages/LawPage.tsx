import { useEffect } from 'preact/hooks';
import { useLoad } from '../api/hooks';
import { Markdown } from '../components/Markdown';
import { Status } from '../components/Status';
import { LAWS, lawByKey, lawHref, loadLawText, referenceLabel, spaced, versionOn, type Law, type LawReference } from '../model/law';
import { href, type Route } from '../router';
import { swedishToday } from './DocumentPage';
import './documents.css';

function chapterLabel(law: Law, chapter: string | null): string {
  return chapter ? `${spaced(chapter)} kap.` : law.code;
}

/** Every law, chapter and section, each section a link to its text. */
function LawIndex({ laws }: { laws: Law[] }) {
  return (
    <>
      {laws.map((law) => (
        <section key={law.key} aria-labelledby={`law-${law.key}`} class="law">
          <h2 id={`law-${law.key}`}>
            <a href={lawHref({ law: law.key })}>
              {law.title} ({law.sfs})
            </a>
          </h2>
          <p class="doc-meta">
            Förkortas {law.code} i lagrum{law.amendedBy ? `; lydelse t.o.m. SFS ${law.amendedBy}` : ''}.
          </p>
          {laws.length === 1 &&
            law.chapters.map((chapter) => (
              <section
                key={chapter.number ?? 'all'}
                aria-label={chapter.number ? `${chapterLabel(law, chapter.number)} ${chapter.title ?? ''}` : law.code}
              >
                {chapter.number && (
                  <h3>
                    {chapterLabel(law, chapter.number)} {chapter.title}
                  </h3>
                )}
                <ul class="sections">
                  {chapter.sections.map((section) => (
                    <li key={section}>
                      <a href={lawHref({ law: law.key, chapter: chapter.number, section })}>{spaced(section)} §</a>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
        </section>
      ))}
    </>
  );
}

function SectionText({ law, reference }: { law: Law; reference: LawReference }) {
  const loaded = useLoad(() => loadLawText(law.key), [law.key]);
  const chapter = law.chapters.find((entry) => entry.number === reference.chapter);
  const index = chapter?.sections.indexOf(reference.section) ?? -1;
  const previous = index > 0 ? chapter?.sections[index - 1] : undefined;
  const next = chapter && index >= 0 ? chapter.sections[index + 1] : undefined;
  return (
    <Status loaded={loaded}>
      {(text) => {
        const versions = text.sections[reference.chapter ? `${reference.chapter}:${reference.section}` : reference.section];
        if (!chapter || !versions) {
          return (
            <p class="notice error" role="alert">
              {referenceLabel(reference)} finns inte i {law.title}.
            </p>
          );
        }
        const today = swedishToday();
        const version = versionOn(versions, today);
        const others = versions.filter((item) => item !== version);
        return (
          <>
            {chapter.number && (
              <p class="doc-kind">
                {chapterLabel(law, chapter.number)} {chapter.title}
              </p>
            )}
            {version?.heading && <h2>{version.heading}</h2>}
            {version && <Markdown source={version.text} class="law-text" label={referenceLabel(reference)} />}
            {version?.from && <p class="doc-meta">Lydelse från {version.from}.</p>}
            {others.map((other, position) => (
              <details key={position}>
                <summary>
                  {other.until ? `Lydelse till ${other.until}` : other.from ? `Lydelse från ${other.from}` : 'Annan lydelse'}
                </summary>
                <Markdown source={other.text} class="law-text" />
              </details>
            ))}
            <nav aria-label="Paragrafer" class="section-nav">
              {previous && <a href={lawHref({ ...reference, section: previous })}>Föregående: {spaced(previous)} §</a>}{' '}
              {next && <a href={lawHref({ ...reference, section: next })}>Nästa: {spaced(next)} §</a>}{' '}
              <a href={lawHref({ law: law.key })}>Alla paragrafer i {law.code}</a>
            </nav>
          </>
        );
      }}
    </Status>
  );
}

/** Lagrum: the laws Samsyn knows (`#/lag`), one law's sections (`#/lag/sol`), one section's text (`#/lag/sol/20/2`). */
export function LawPage({ route }: { route: Route }) {
  const [key, ...rest] = route.segments;
  const law = key ? lawByKey(key) : undefined;
  const chaptered = law?.chapters.some((chapter) => chapter.number !== null) ?? false;
  const reference: LawReference | undefined =
    law && rest.length > 0
      ? chaptered
        ? rest[1]
          ? { law: law.key, chapter: rest[0].toLowerCase(), section: rest[1].toLowerCase() }
          : undefined
        : { law: law.key, chapter: null, section: rest[0].toLowerCase() }
      : undefined;
  const title = reference ? referenceLabel(reference) : law ? `${law.title} (${law.sfs})` : 'Lagrum';
  useEffect(() => {
    document.title = `${title} – Samsyn`;
  }, [title]);

  return (
    <article class="law-page">
      <p class="breadcrumbs no-print">
        <a href={href('lag')}>Lagrum</a>
        {law && reference && (
          <>
            {' '}
            › <a href={lawHref({ law: law.key })}>{law.code}</a>
          </>
        )}
      </p>
      <h1>{title}</h1>
      {!key && (
        <p class="lead">
          Lagtexterna som Samsyns dokument hänvisar till, i den lydelse Samsyn känner till. Ett lagrum i ett dokument länkar hit. Källa:
          Svensk författningssamling; författningar är inte skyddade av upphovsrätt (1 kap. 9 § upphovsrättslagen).
        </p>
      )}
      {key && !law && (
        <p class="notice error" role="alert">
          Samsyn har ingen lagtext som heter {key}. Kända: {LAWS.map((item) => item.code).join(', ')}.
        </p>
      )}
      {law && reference ? <SectionText law={law} reference={reference} /> : <LawIndex laws={law ? [law] : LAWS} />}
    </article>
  );
}
