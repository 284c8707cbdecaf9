import type { ComponentChildren } from 'preact';
import { useContext, useEffect } from 'preact/hooks';
import type { AreaTasks } from '../../api/workspace';
import { Status } from '../../components/Status';
import { FeedbackItem } from '../../components/workspace/FeedbackItem';
import { WorkspaceContext } from '../../components/workspace/workspace-context';
import type { TaskVersionFragment } from '../../gql/graphql';
import { KIND_NAMES } from '../../model/format';
import { daysBetween, today } from '../../model/workspace';
import { href } from '../../router';
import { followUpLink, versionLink } from './links';

const dayFormat = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric' });
export const formatDay = (day: string): string => dayFormat.format(new Date(`${day}T12:00:00Z`));

/** How many things wait for the leader in all their areas: shown beside Att göra in the menu. */
export function taskCount(areas: AreaTasks[]): number {
  return areas.reduce(
    (sum, { tasks }) =>
      sum + tasks.drafts.length + tasks.returned.length + tasks.toReview.length + tasks.reviewDue.length + tasks.unansweredFeedback.length,
    0,
  );
}

function TaskSection({
  id,
  title,
  count,
  empty,
  children,
}: {
  id: string;
  title: string;
  count: number;
  empty: string;
  children: ComponentChildren;
}) {
  return (
    <section class="task-section" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span class="count">({count})</span>
      </h2>
      {count === 0 ? <p class="empty">{empty}</p> : children}
    </section>
  );
}

function DocumentLine({ version }: { version: TaskVersionFragment }) {
  return (
    <>
      <a href={versionLink(version.document.area, version.document.id, version)}>{version.title}</a>{' '}
      <span class="doc-meta">
        {KIND_NAMES[version.document.kind] ?? version.document.kind}, version {version.number}
      </span>
    </>
  );
}

/** Att göra: what came back to me, what waits for my review, my drafts, what must be revised, unanswered synpunkter. */
export function TasksPage() {
  const { tasks, reload } = useContext(WorkspaceContext);
  useEffect(() => {
    document.title = 'Att göra – Samsyn';
  }, []);
  if (!tasks) {
    return (
      <>
        <h1>Att göra</h1>
        <p class="notice">
          Att göra visas för processledare. <a href={href('logga-in')}>Logga in</a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Att göra</h1>
      <p class="lead">Det som väntar på dig i dina områden. Ett dokuments titel leder till dokumentet.</p>
      <Status loaded={tasks}>
        {(areas) => {
          const all = <K extends 'drafts' | 'returned' | 'toReview' | 'reviewDue'>(key: K) => areas.flatMap(({ tasks: t }) => t[key]);
          const returned = all('returned');
          const toReview = all('toReview');
          const drafts = all('drafts');
          const reviewDue = all('reviewDue');
          const feedback = areas.flatMap(({ area, tasks: t }) => t.unansweredFeedback.map((item) => ({ area, item })));
          const day = today();
          return (
            <>
              <TaskSection
                id="uppgifter-tillbaka"
                title="Tillbakaskickade till mig"
                count={returned.length}
                empty="Inget har skickats tillbaka till dig."
              >
                <ul class="task-list">
                  {returned.map((version) => (
                    <li key={version.id} data-version={version.id}>
                      <DocumentLine version={version} />
                      <blockquote class="return-comment">
                        <span class="label">{version.returnedBy ? `${version.returnedBy} skrev:` : 'Granskarens kommentar:'}</span>{' '}
                        {version.returnComment}
                      </blockquote>
                    </li>
                  ))}
                </ul>
              </TaskSection>
              <TaskSection
                id="uppgifter-granska"
                title="Väntar på min granskning"
                count={toReview.length}
                empty="Inget väntar på din granskning."
              >
                <ul class="task-list">
                  {toReview.map((version) => (
                    <li key={version.id} data-version={version.id}>
                      <DocumentLine version={version} /> <span class="doc-meta">skickad av {version.submittedBy ?? 'okänd'}</span>
                    </li>
                  ))}
                </ul>
              </TaskSection>
              <TaskSection id="uppgifter-utkast" title="Mina utkast" count={drafts.length} empty="Du har inga utkast.">
                <ul class="task-list">
                  {drafts.map((version) => (
                    <li key={version.id} data-version={version.id}>
                      <DocumentLine version={version} />
                    </li>
                  ))}
                </ul>
              </TaskSection>
              <TaskSection
                id="uppgifter-revideras"
                title="Ska revideras"
                count={reviewDue.length}
                empty="Inget dokument ska revideras de närmaste 30 dagarna."
              >
                <ul class="task-list">
                  {reviewDue.map((version) => {
                    const days = version.reviewBy ? daysBetween(day, version.reviewBy) : 0;
                    return (
                      <li key={version.id} data-document={version.document.id}>
                        <a href={followUpLink(version.document.area, version.document.id)}>{version.document.title}</a>{' '}
                        <span class={days < 0 ? 'doc-meta overdue' : 'doc-meta'}>
                          revideras senast {version.reviewBy ? formatDay(version.reviewBy) : '–'}
                          {days < 0 ? ` – passerat för ${-days} dagar sedan` : days === 0 ? ' – i dag' : ` – om ${days} dagar`}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </TaskSection>
              <TaskSection
                id="uppgifter-synpunkter"
                title="Obesvarade synpunkter"
                count={feedback.length}
                empty="Inga obesvarade synpunkter från verksamheten."
              >
                <ul class="task-list">
                  {feedback.map(({ area, item }) => (
                    <li key={item.id}>
                      <a href={followUpLink(area, item.document.id)}>{item.document.title}</a>
                      <FeedbackItem area={area} feedback={item} drafts={[]} onChanged={reload} />
                    </li>
                  ))}
                </ul>
              </TaskSection>
            </>
          );
        }}
      </Status>
    </>
  );
}
