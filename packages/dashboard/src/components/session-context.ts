import { createContext } from 'preact';
import type { Session } from '../api/session';

export interface SessionState {
  session: Session | null;
  /** Asks the gateway again, e.g. after signing in or out. */
  refresh: () => Promise<void>;
}

/** Who is signed in, for every page; pages load again when it changes. */
export const SessionContext = createContext<SessionState>({ session: null, refresh: async () => undefined });
