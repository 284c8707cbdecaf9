import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { fetchSession, type Session } from '../api/session';
import { href, useRoute, type Route } from '../router';
import { AdoptionPage } from '../pages/AdoptionPage';
import { DistrictPage } from '../pages/DistrictPage';
import { FunnelPage } from '../pages/FunnelPage';
import { OverviewPage } from '../pages/OverviewPage';
import { SignInPage } from '../pages/SignInPage';
import { SessionContext } from './session-context';

const NAV: { page: Route['page']; label: string }[] = [
  { page: 'oversikt', label: 'Översikt' },
  { page: 'trattdiagram', label: 'Trattdiagram' },
  { page: 'stadsdel', label: 'Stadsdel' },
  { page: 'inforande', label: 'Införande' },
];

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'oversikt':
      return <OverviewPage />;
    case 'trattdiagram':
      return <FunnelPage route={route} />;
    case 'stadsdel':
      return <DistrictPage route={route} />;
    case 'inforande':
      return <AdoptionPage route={route} />;
    case 'logga-in':
      return <SignInPage />;
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

export function App() {
  const route = useRoute();
  const [session, setSession] = useState<Session | null>(null);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  const refresh = useCallback(async () => {
    setSession(await fetchSession().catch(() => ({ principal: null, devSignIn: null })));
  }, []);
  useEffect(() => {
    void refresh();
  }, []);

  // A new page moves focus to its content, so a screen reader starts there and Tab continues from it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [route.page, route.id]);

  const skip = (event: Event) => {
    // The hash holds the route, so the skip link moves focus itself instead of following #innehall.
    event.preventDefault();
    main.current?.focus();
  };

  return (
    <SessionContext.Provider value={{ session, refresh }}>
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
            {NAV.map((item) => (
              <li key={item.page}>
                <a href={href(item.page)} aria-current={route.page === item.page ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="signed-in">
          {session?.principal ? (
            <>
              <span>Inloggad: {session.principal.name}</span> <a href={href('logga-in')}>Byt roll</a>
            </>
          ) : (
            <a href={href('logga-in')}>Logga in</a>
          )}
        </div>
      </header>
      <main id="innehall" ref={main} tabIndex={-1}>
        <Page route={route} />
      </main>
      <footer class="site-footer">
        <p>
          Samsyn – öppet GraphQL-API för stadens plattformsarbete. Utvecklare: <a href="/graphql">GraphiQL</a>.
        </p>
      </footer>
    </SessionContext.Provider>
  );
}
