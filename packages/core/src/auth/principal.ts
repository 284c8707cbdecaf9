export const ROLES = ['district-system', 'process-leader', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The verified caller: a person or a district's system. */
export interface Principal {
  sub: string;
  name: string;
  roles: Role[];
  /** For a district system: the district code it speaks for. */
  district?: string;
  /** For a process leader: the areas they lead (Area enum values). */
  areas: string[];
}
