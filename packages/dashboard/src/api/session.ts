/**
 * Who is signed in. In development the page asks the gateway for a token of a chosen role and name and keeps it in
 * localStorage, shared by the browser's tabs and GraphiQL at /graphql, until it expires; in production a reverse proxy
 * (e.g. oauth2-proxy) signs the person in with the municipality's identity provider and adds the Authorization header
 * itself, so the page holds no token and learns who it is from GET /auth/session.
 */
export const STORAGE_KEY = 'samsyn.token';

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
  /** The token this browser kept has expired (or no longer verifies) and was dropped: the person must sign in again. */
  expired?: boolean;
}

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

/** When a JWT expires (its `exp`, in milliseconds), or null when it does not say. */
export function tokenExpiry(token: string): number | null {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(payload)) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : null;
  } catch {
    return null;
  }
}

/** The token this browser signed in with, if any and not expired. */
export function bearerToken(): string | null {
  const token = storage()?.getItem(STORAGE_KEY) ?? null;
  if (!token) return null;
  const expiry = tokenExpiry(token);
  return expiry !== null && expiry <= Date.now() ? null : token;
}

/** When the kept token expires (ms), or null when none is kept. */
export function sessionExpiry(): number | null {
  const token = storage()?.getItem(STORAGE_KEY);
  return token ? tokenExpiry(token) : null;
}

function authHeaders(): Record<string, string> {
  const token = bearerToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Asks the gateway who the page's requests are made as (a kept token, or what a proxy adds). */
export async function fetchSession(): Promise<Session> {
  const kept = storage()?.getItem(STORAGE_KEY) ?? null;
  const response = await fetch('/auth/session', { headers: authHeaders() });
  if (!response.ok) return { principal: null, devSignIn: null };
  const session = (await response.json()) as Session;
  // A kept token that expired or no longer verifies (new secret) is dropped, and the page says so.
  if (kept && (!session.principal || !bearerToken())) {
    storage()?.removeItem(STORAGE_KEY);
    return { ...session, expired: true };
  }
  return session;
}

/** Development: signs in with a token of the given role, in the given name (so two leaders can be told apart). */
export async function devSignIn(role: string, options: { district?: string; name?: string } = {}): Promise<void> {
  const response = await fetch('/auth/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, district: options.district, name: options.name?.trim() || undefined }),
  });
  if (!response.ok) throw new Error(((await response.json()) as { error?: string }).error ?? `status ${response.status}`);
  storage()?.setItem(STORAGE_KEY, ((await response.json()) as { token: string }).token);
}

export function signOut(): void {
  storage()?.removeItem(STORAGE_KEY);
}

/** Calls `changed` when another tab signs in or out. */
export function onSessionChange(changed: () => void): () => void {
  const listener = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === null) changed();
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}
