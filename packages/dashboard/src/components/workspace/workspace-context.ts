import { createContext } from 'preact';
import type { Loaded } from '../../api/hooks';
import type { AreaLists } from '../../api/workspace';

export interface WorkspaceState {
  /** The drafts, reviews and documents in force of the areas the signed-in person leads; null for anyone else. */
  lists: Loaded<AreaLists[]> | null;
  /** Asks the API again, e.g. after a draft was saved. */
  reload: () => void;
}

/** The process leader's lists, loaded once per page for Att göra, its counts in the menu, and Arbetsyta. */
export const WorkspaceContext = createContext<WorkspaceState>({ lists: null, reload: () => undefined });
