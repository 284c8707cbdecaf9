import { createContext } from 'preact';
import type { Loaded } from '../../api/hooks';
import type { AreaTasks } from '../../api/workspace';

export interface WorkspaceState {
  /** Att göra in the areas the signed-in person leads; null for anyone else. */
  tasks: Loaded<AreaTasks[]> | null;
  /** Asks the API again, e.g. after a draft was saved. */
  reload: () => void;
}

/** The process leader's tasks, loaded once per page for Att göra and its count in the menu. */
export const WorkspaceContext = createContext<WorkspaceState>({ tasks: null, reload: () => undefined });
