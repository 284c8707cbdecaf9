/**
 * Who is signed in. In development the page asks the gateway for a token of a chosen role and keeps it for the
 * browser tab; in production a reverse proxy (e.g. oauth2-proxy) signs the person in with the municipality's
 * identity provider and adds the Authorization header itself, so the page holds no token.
 */
const STORAGE_KEY = 'samsyn.token';

export interface Principal {
  name: string;
  roles: string[];
  district: string | null;
  areas: string[];
}

export interface Session {
  principal: Principal | null;
  /** Set in development only: the roles the gateway signs a token for. */
  devSignIn: { roles: string[] } | null;
}

/** The token this tab signed in with, if any. */
export function bearerToken(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function authHeaders(): Record<string, string> {
  const token = bearerToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Asks the gateway who the page's requests are made as. */
export async function fetchSession(): Promise<Session> {
  const response = await fetch('/auth/session', { headers: authHeaders() });
  if (!response.ok) return { principal: null, devSignIn: null };
  const session = (await response.json()) as Session;
  // A stored token that no longer verifies (expired, new secret) is dropped.
  if (!session.principal && bearerToken()) sessionStorage.removeItem(STORAGE_KEY);
  return session;
}

/** Development: signs in with a token of the given role. */
export async function devSignIn(role: string, district?: string): Promise<void> {
  const response = await fetch('/auth/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, district }),
  });
  if (!response.ok) throw new Error(((await response.json()) as { error?: string }).error ?? `status ${response.status}`);
  sessionStorage.setItem(STORAGE_KEY, ((await response.json()) as { token: string }).token);
}

export function signOut(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
