import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import { useLoad } from '../../api/hooks';
import { loadWorkspaceDocument } from '../../api/workspace';
import { isArea } from '../../model/areas';
import type { Route } from '../../router';

/** The document a workspace page's route names (`#/…/<document>?omrade=…`), loaded, and a way to load it again after a change. */
export function useRoutedDocument(route: Route) {
  const area = route.params.get('omrade') ?? undefined;
  const [generation, setGeneration] = useState(0);
  const loaded = useLoad(
    () => (route.id && isArea(area) ? loadWorkspaceDocument(area, route.id) : Promise.reject(new ApiError('Okänt dokument.', 'NOT_FOUND'))),
    [route.id, area, generation],
  );
  return { area, loaded, reload: () => setGeneration((n) => n + 1) };
}
