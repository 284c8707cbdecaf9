import type { Principal } from '../src/auth/principal';
import { principalSeenByResolvers } from '../src/cache-hints';
import { CachePolicy } from '../src/cache-policy';

/** The caller as resolvers see it: an answer is shared by a whole access scope, so reading who asks makes it personal. */
const analyst = (sub: string, name = sub): Principal => ({ sub, name, roles: ['analyst'], areas: [] });
const districtSystem = (district: string): Principal => ({
  sub: `system-${district}`,
  name: district,
  roles: ['district-system'],
  district,
  areas: [],
});

describe('who the caller is, as resolvers see it', () => {
  it('leaves the answer cacheable while only the scope (roles, district, areas) is read', () => {
    const hints = new CachePolicy();
    const seen = principalSeenByResolvers(districtSystem('angered'), hints);
    expect([seen.roles, seen.district, seen.areas]).toEqual([['district-system'], 'angered', []]);
    expect(hints.maxAge).toBeUndefined();
  });

  it.each(['sub', 'name'] as const)('marks the answer never cacheable once %s is read: two people share a scope', (field) => {
    const hints = new CachePolicy();
    const seen = principalSeenByResolvers(analyst('analyst-1', 'Ann'), hints);
    expect(seen[field]).toBe(field === 'sub' ? 'analyst-1' : 'Ann');
    expect({ maxAge: hints.maxAge, scope: hints.scope }).toEqual({ maxAge: 0, scope: 'PRIVATE' });
  });
});
