import { useContext, useEffect } from 'preact/hooks';
import { Status } from '../../components/Status';
import { SessionContext } from '../../components/session-context';
import { WorkspaceContext } from '../../components/workspace/workspace-context';
import { KIND_NAMES } from '../../model/format';
import { tasksOf, today, type Task, type Tasks } from '../../model/workspace';
import type { AreaLists } from '../../api/workspace';
import { href } from '../../router';
import { followUpLink, versionLink } from './links';

const dayFormat = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric' });
export const formatDay = (day: string): string => dayFormat.format(new Date(`${day}T12:00:00Z`));

/** Att göra of the signed-in leader, from the workspace lists of their areas. */
export function tasksOfLists(me: string, lists: AreaLists[]): Tasks {
  const nodes = <T,>(connection: { edges: { node: T }[] }) => connection.edges.map((edge) => edge.node);
  return tasksOf(
    me,
    {
      drafts: lists.flatMap((area) => nodes(area.drafts)),
      reviews: lists.flatMap((area) => nodes(area.reviews)),
      inForce: lists.flatMap((area) => nodes(area.inForce)),
    },
    today(),
  );
}

/** How many things wait for the leader: shown beside Att göra in the menu. */
export function taskCount(tasks: Tasks): number {
  return tasks.myDrafts.length + tasks.returnedToMe.length + tasks.toReview.length + tasks.reviewDue.length;
}

function TaskSection({
  title,
  tasks,
  empty,
  children,
}: {
  title: string;
  tasks: unknown[];
  empty: string;
  children: preact.ComponentChildren;
}) {
  const id = `uppgifter-${title.toLowerCase().replace(/[^a-zåäö]+/g, '-')}`;
  return (
    <section class="task-section" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span class="count">({tasks.length})</span>
      </h2>
      {tasks.length === 0 ? <p class="empty">{empty}</p> : <ul class="task-list">{children}</ul>}
    </section>
  );
}

function DocumentLine({ task }: { task: Task }) {
  return (
    <>
      <a href={versionLink(task.document.area, task.document.id, task.version)}>{task.version.title || task.document.title}</a>{' '}
      <span class="doc-meta">
        {KIND_NAMES[task.document.kind] ?? task.document.kind}, version {task.version.number}
      </span>
    </>
  );
}

/** Att göra: my drafts, what came back to me, what waits for my review, what must be revised soon. */
export function TasksPage() {
  const { session } = useContext(SessionContext);
  const { lists } = useContext(WorkspaceContext);
  useEffect(() => {
    document.title = 'Att göra – Samsyn';
  }, []);
  const me = session?.principal?.name;
  if (!lists || !me) {
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
      <Status loaded={lists}>
        {(data) => {
          const tasks = tasksOfLists(me, data);
          return (
            <>
              <TaskSection title="Tillbakaskickade till mig" tasks={tasks.returnedToMe} empty="Inget har skickats tillbaka till dig.">
                {tasks.returnedToMe.map((task) => (
                  <li key={task.version.id} data-version={task.version.id}>
                    <DocumentLine task={task} />
                    <blockquote class="return-comment">
                      <span class="label">{task.by ? `${task.by} skrev:` : 'Granskarens kommentar:'}</span> {task.version.returnComment}
                    </blockquote>
                  </li>
                ))}
              </TaskSection>
              <TaskSection title="Väntar på min granskning" tasks={tasks.toReview} empty="Inget väntar på din granskning.">
                {tasks.toReview.map((task) => (
                  <li key={task.version.id} data-version={task.version.id}>
                    <DocumentLine task={task} /> <span class="doc-meta">skickad av {task.by ?? 'okänd'}</span>
                  </li>
                ))}
              </TaskSection>
              <TaskSection title="Mina utkast" tasks={tasks.myDrafts} empty="Du har inga utkast.">
                {tasks.myDrafts.map((task) => (
                  <li key={task.version.id} data-version={task.version.id}>
                    <DocumentLine task={task} />
                  </li>
                ))}
              </TaskSection>
              <TaskSection title="Ska revideras" tasks={tasks.reviewDue} empty="Inget dokument ska revideras de närmaste 30 dagarna.">
                {tasks.reviewDue.map(({ document, reviewBy, days }) => (
                  <li key={document.id} data-document={document.id}>
                    <a href={followUpLink(document.area, document.id)}>{document.title}</a>{' '}
                    <span class={days < 0 ? 'doc-meta overdue' : 'doc-meta'}>
                      revideras senast {formatDay(reviewBy)}
                      {days < 0 ? ` – passerat för ${-days} dagar sedan` : days === 0 ? ' – i dag' : ` – om ${days} dagar`}
                    </span>
                  </li>
                ))}
              </TaskSection>
              <section class="task-section" aria-labelledby="uppgifter-synpunkter">
                <h2 id="uppgifter-synpunkter">Obesvarade synpunkter</h2>
                <p class="empty">Synpunkter från stadsdelarna visas här när API:t tar emot dem.</p>
              </section>
            </>
          );
        }}
      </Status>
    </>
  );
}
