import { ROLES, type Role } from '@samsyn/core';
import { Area } from '@samsyn/area';

/** A command line the command cannot carry out, with the line that says why. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const canonical = (raw: string) => raw.trim().toUpperCase().replace(/-/g, '_');

/** An area as the API spells it (`CHILD_SERVICES`), from any case and `-` or `_`. */
export function parseArea(raw: string): Area {
  const area = Object.values(Area).find((candidate) => (candidate as string) === canonical(raw));
  if (!area) throw new UsageError(`unknown area "${raw}"; the areas are ${Object.values(Area).join(', ')}`);
  return area;
}

/** A role as the API spells it (`district-system`), from any case and `-` or `_`. */
export function parseRole(raw: string): Role {
  const role = ROLES.find((candidate) => canonical(candidate) === canonical(raw));
  if (!role) throw new UsageError(`unknown role "${raw}"; the roles are ${ROLES.join(', ')}`);
  return role;
}
