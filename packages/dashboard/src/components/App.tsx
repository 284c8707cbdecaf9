import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { fetchSession, onSessionChange, sessionExpiry, signOut, type Session } from '../api/session';
import { href, signInHref, useRoute, type Route } from '../router';
import { AdoptionPage } from '../pages/AdoptionPage';
import { DistrictPage } from '../pages/DistrictPage';
import { DocumentPage } from '../pages/DocumentPage';
import { DocumentsPage } from '../pages/DocumentsPage';
import { LawPage } from '../pages/LawPage';
import { FunnelPage } from '../pages/FunnelPage';
import { OverviewPage } from '../pages/OverviewPage';
import { SignInPage } from '../pages/SignInPage';
import { EditorPage } from '../pages/workspace/EditorPage';
import { FollowUpPage } from '../pages/workspace/FollowUpPage';
import { ReviewPage } from '../pages/workspace/ReviewPage';
import { taskCount, TasksPage } from '../pages/workspace/TasksPage';
import { WorkspacePage } from '../pages/workspace/WorkspacePage';
import { loadMyTasks, type AreaTasks } from '../api/workspace';
import type { Loaded } from '../api/hooks';
import { ApiError } from '../api/client';
import { ledAreas } from '../model/workspace';
import { extractTime } from '../model/export';
import { SessionContext } from './session-context';
import { WorkspaceContext } from './workspace/workspace-context';

/** The main menu; an entry with a role is shown to those who have it (the API decides what they may do there). */
const NAV: { page: Route['page']; label: string; role?: string }[] = [
  { page: 'oversikt', label: 'Översikt' },
  { page: 'trattdiagram', label: 'Trattdiagram' },
  { page: 'stadsdel', label: 'Stadsdel' },
  { page: 'inforande', label: 'Införande' },
  { page: 'dokument', label: 'Dokument' },
  { page: 'att-gora', label: 'Att göra', role: 'process-leader' },
  { page: 'arbetsyta', label: 'Arbetsyta', role: 'process-leader' },
];

/** The pages under Arbetsyta in the menu. */
const WORKSPACE_PAGES = new Set<Route['page']>(['arbetsyta', 'nytt-dokument', 'utkast', 'granska', 'uppfoljning']);

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'oversikt':
      return <OverviewPage route={route} />;
    case 'trattdiagram':
      return <FunnelPage route={route} />;
    case 'stadsdel':
      return <DistrictPage route={route} />;
    case 'inforande':
      return <AdoptionPage route={route} />;
    case 'dokument':
      return route.segments.length > 0 ? <DocumentPage route={route} /> : <DocumentsPage route={route} />;
    case 'lag':
      return <LawPage route={route} />;
    case 'logga-in':
      return <SignInPage route={route} />;
    case 'att-gora':
      return <TasksPage />;
    case 'arbetsyta':
      return <WorkspacePage />;
    case 'nytt-dokument':
    case 'utkast':
      return <EditorPage route={route} />;
    case 'granska':
      return <ReviewPage route={route} />;
    case 'uppfoljning':
      return <FollowUpPage route={route} />;
    default:
      return (
        <>
          <h1>Sidan finns inte</h1>
          <p>
            <a href={href('oversikt')}>Till översikten</a>
          </p>
        </>
      );
  }
}

/** On paper only: where the page came from and when, since a printout has no address bar. */
function PrintNote({ route }: { route: Route }) {
  const [printedAt, setPrintedAt] = useState(extractTime());
  useEffect(() => {
    const before = () => setPrintedAt(extractTime());
    window.addEventListener('beforeprint', before);
    return () => window.removeEventListener('beforeprint', before);
  }, []);
  return (
    <p class="print-note" data-page={route.page}>
      Utskrift från Samsyn {printedAt}: {location.href}
    </p>
  );
}

export function App() {
  const route = useRoute();
  const [session, setSession] = useState<Session | null>(null);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  const [expired, setExpired] = useState(false);

  const refresh = useCallback(async () => {
    const next: Session = await fetchSession().catch(() => ({ principal: null, devSignIn: null }));
    setSession(next);
    setExpired(next.expired === true);
  }, []);
  /** When the token this page last used expires, so a tab that learns of its removal from another tab can say why. */
  const keptExpiry = useRef<number | null>(null);
  useEffect(() => {
    keptExpiry.current = session?.principal ? sessionExpiry() : null;
  }, [session]);
  useEffect(() => {
    void refresh();
    // Another tab signed in or out, or dropped the expired token first: this one follows, with the same message.
    return onSessionChange(() => {
      const lapsed = keptExpiry.current !== null && keptExpiry.current <= Date.now();
      void refresh().then(() => lapsed && setExpired(true));
    });
  }, []);

  // A process leader's Att göra: loaded again on every new page, so Att göra and its count in the menu stay current.
  const areas = ledAreas(session?.principal);
  const [tasks, setTasks] = useState<Loaded<AreaTasks[]> | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (areas.length === 0) {
      setTasks(null);
      return;
    }
    let current = true;
    setTasks((before) => before ?? { state: 'loading' });
    loadMyTasks(areas).then(
      (data) => current && setTasks({ state: 'done', data }),
      (error: unknown) =>
        current && setTasks({ state: 'error', error: error instanceof ApiError ? error : new ApiError(String(error), 'NETWORK') }),
    );
    return () => {
      current = false;
    };
  }, [areas.join(), session?.principal?.name, route.page, route.id, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  // Back in the window after working in another (a colleague's review, say): the lists are read again.
  useEffect(() => {
    window.addEventListener('focus', reload);
    return () => window.removeEventListener('focus', reload);
  }, []);
  const count = tasks?.state === 'done' ? taskCount(tasks.data) : null;
  const leader = areas.length > 0;

  // The session ends when its token expires, with a message, not with requests failing one by one.
  useEffect(() => {
    const expiry = session?.principal ? sessionExpiry() : null;
    if (expiry === null) return;
    const timer = setTimeout(
      () => {
        signOut();
        void refresh().then(() => setExpired(true));
      },
      Math.max(0, Math.min(expiry - Date.now(), 2_147_000_000)),
    );
    return () => clearTimeout(timer);
  }, [session]);

  // A new page moves focus to its content, so a screen reader starts there and Tab continues from it. A route the page
  // changed itself (Stadsdel's district picker) is no new page: the picker keeps the focus, so the arrow keys go on.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (route.inPlace) return;
    main.current?.focus();
  }, [route.page, route.segments.join('/')]);

  const skip = (event: Event) => {
    // The hash holds the route, so the skip link moves focus itself instead of following #innehall.
    event.preventDefault();
    main.current?.focus();
  };

  return (
    <SessionContext.Provider value={{ session, refresh }}>
      <WorkspaceContext.Provider value={{ tasks, reload }}>
        <a class="skip-link" href="#innehall" onClick={skip}>
          Hoppa till innehållet
        </a>
        <header class="site-header">
          <div class="brand">
            <span class="brand-name">Samsyn</span>
            <span class="brand-sub">Likabehandling i stadens socialtjänst</span>
          </div>
          <nav aria-label="Huvudmeny">
            <ul>
              {NAV.filter(
                (item) => !item.role || (item.role === 'process-leader' ? leader : session?.principal?.roles.includes(item.role)),
              ).map((item) => (
                <li key={item.page}>
                  <a
                    href={href(item.page)}
                    aria-current={
                      (item.page === 'arbetsyta' ? WORKSPACE_PAGES.has(route.page) : route.page === item.page) ? 'page' : undefined
                    }
                    aria-describedby={item.page === 'att-gora' && count !== null ? 'att-gora-antal' : undefined}
                  >
                    {item.label}
                    {item.page === 'att-gora' && count !== null && (
                      <span class="nav-count" aria-hidden="true">
                        {count}
                      </span>
                    )}
                  </a>
                  {item.page === 'att-gora' && count !== null && (
                    <span id="att-gora-antal" hidden>
                      {count === 1 ? '1 uppgift' : `${count} uppgifter`}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          <div class="signed-in">
            {session?.principal ? (
              <>
                <span>Inloggad: {session.principal.name}</span> <a href={signInHref(location.hash)}>Byt roll</a>
              </>
            ) : (
              <a href={route.page === 'logga-in' ? href('logga-in') : signInHref(location.hash)}>Logga in</a>
            )}
          </div>
        </header>
        <main id="innehall" ref={main} tabIndex={-1}>
          {expired && !session?.principal && (
            <div class="notice error session-expired" role="alert">
              <p>Din inloggning har gått ut. Sidan visar nu bara det som alla får se.</p>
              <p>
                <a href={signInHref(location.hash)}>Logga in igen</a>{' '}
                <button type="button" class="link-button" onClick={() => setExpired(false)}>
                  Stäng meddelandet
                </button>
              </p>
            </div>
          )}
          <PrintNote route={route} />
          <Page route={route} />
        </main>
        <footer class="site-footer">
          <p>
            Samsyn – öppet GraphQL-API för stadens plattformsarbete. Utvecklare: <a href="/graphql">GraphiQL</a>.
          </p>
        </footer>
      </WorkspaceContext.Provider>
    </SessionContext.Provider>
  );
}
