import { useContext, useEffect, useState } from 'preact/hooks';
import { devSignIn, signOut } from '../api/session';
import { SessionContext } from '../components/session-context';
import { loadCatalogue } from '../model/catalogue';
import { useLoad } from '../api/hooks';
import { returnRoute, type Route } from '../router';

const ROLE_NAMES: Record<string, string> = {
  analyst: 'Analytiker – jämförelser och införande i alla områden',
  'process-leader': 'Processledare – alla fyra områden, även utkast',
  'district-system': 'Verksamhetssystem – en stadsdels system',
  admin: 'Administratör',
};

/** Logga in: development roles from the gateway, or where production sign-in happens. */
export function SignInPage({ route }: { route: Route }) {
  const { session, refresh } = useContext(SessionContext);
  const [role, setRole] = useState('analyst');
  const [name, setName] = useState('');
  const [district, setDistrict] = useState('');
  const [error, setError] = useState('');
  const districts = useLoad(loadCatalogue, []);
  useEffect(() => {
    document.title = 'Logga in – Samsyn';
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError('');
    try {
      await devSignIn(role, {
        district:
          role === 'district-system' ? district || (districts.state === 'done' ? districts.data.districts[0]?.code : '') : undefined,
        name,
      });
      await refresh();
      // Back where the person came from (a document, a district …), so a deep link survives signing in.
      location.hash = returnRoute(route);
    } catch (problem) {
      setError(`Inloggningen misslyckades: ${problem instanceof Error ? problem.message : String(problem)}`);
    }
  };

  return (
    <>
      <h1>Logga in</h1>
      {session?.principal && (
        <div class="notice">
          <p>
            Du är inloggad som <strong>{session.principal.name}</strong> ({session.principal.roles.join(', ')}).
          </p>
          <button
            type="button"
            onClick={() => {
              signOut();
              void refresh();
            }}
          >
            Logga ut
          </button>
        </div>
      )}
      {session?.devSignIn ? (
        <form class="sign-in" onSubmit={(event) => void submit(event)}>
          <p>
            Utvecklingsläge: välj en roll och skriv ett namn, så utfärdar gatewayen en token för den (samma som <code>npm run token</code>).
            Med olika namn i två webbläsarfönster kan två processledare pröva granskningen. Det går inte i produktion.
          </p>
          <div class="field">
            <label for="sign-in-name">Namn</label>
            <input
              id="sign-in-name"
              type="text"
              value={name}
              maxLength={80}
              autoComplete="name"
              aria-describedby="sign-in-name-hint"
              onInput={(event) => setName(event.currentTarget.value)}
            />
            <span id="sign-in-name-hint" class="hint">
              Visas som författare och granskare. Tomt: rollens namn.
            </span>
          </div>
          <fieldset>
            <legend>Roll</legend>
            {session.devSignIn.roles.map((item) => (
              <div class="radio" key={item}>
                <input type="radio" id={`role-${item}`} name="role" value={item} checked={role === item} onChange={() => setRole(item)} />
                <label for={`role-${item}`}>{ROLE_NAMES[item] ?? item}</label>
              </div>
            ))}
          </fieldset>
          {role === 'district-system' && districts.state === 'done' && (
            <div class="field">
              <label for="sign-in-district">Stadsdel</label>
              <select id="sign-in-district" value={district} onChange={(event) => setDistrict(event.currentTarget.value)}>
                {districts.data.districts.map((item) => (
                  <option key={item.code} value={item.code}>
                    {item.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button type="submit">Logga in</button>
          {error && (
            <p class="notice error" role="alert">
              {error}
            </p>
          )}
        </form>
      ) : (
        <p>
          Inloggningen sker med kommunens inloggning (e-legitimation eller tjänstekort). Om du ser den här sidan utan att ha loggat in,
          kontakta förvaltningens IT-stöd.
        </p>
      )}
    </>
  );
}
