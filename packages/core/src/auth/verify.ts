import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { DEFAULT_JWT_MAX_LIFETIME_SECONDS, parseDurationSeconds, type AuthConfig } from '../config';
import { UnauthenticatedError } from '../errors';
import { ROLES, type Principal, type Role } from './principal';

/** Turns an `Authorization` header into a verified principal; no header is an anonymous caller. */
export type PrincipalResolver = (authorization: string | undefined) => Promise<Principal | null>;

function unauthenticated(reason: string): UnauthenticatedError {
  const error = new UnauthenticatedError(`Invalid token: ${reason}.`);
  // Apollo Server answers a context error with this status.
  Object.assign(error.extensions, { http: { status: 401 } });
  return error;
}

/** Tokens must expire, and not later than the configured lifetime allows (measured from issue and from now). */
function checkLifetime(payload: JWTPayload, maxLifetimeSeconds: number): void {
  if (typeof payload.exp !== 'number') throw unauthenticated('the token has no expiry (exp)');
  const now = Math.floor(Date.now() / 1000);
  const lifetime = Math.max(payload.exp - now, typeof payload.iat === 'number' ? payload.exp - payload.iat : 0);
  if (lifetime > maxLifetimeSeconds) {
    throw unauthenticated(`the token lives longer than the ${maxLifetimeSeconds} s this service accepts (JWT_MAX_LIFETIME)`);
  }
}

function principalFrom(payload: JWTPayload, maxLifetimeSeconds: number): Principal {
  checkLifetime(payload, maxLifetimeSeconds);
  const roles = Array.isArray(payload.roles) ? payload.roles : [];
  if (!payload.sub) throw unauthenticated('the token names no subject');
  if (roles.length === 0 || !roles.every((role): role is Role => ROLES.includes(role as Role))) {
    throw unauthenticated(`roles must be some of ${ROLES.join(', ')}`);
  }
  const areas = Array.isArray(payload.areas) ? payload.areas.filter((a): a is string => typeof a === 'string') : [];
  const district = typeof payload.district === 'string' ? payload.district : undefined;
  if (roles.includes('district-system') && !district) throw unauthenticated('a district system token must name its district');
  return {
    sub: payload.sub,
    name: typeof payload.name === 'string' ? payload.name : payload.sub,
    roles,
    district,
    areas,
  };
}

/** How many verified tokens a process remembers, and for how long at most (never past a token's own expiry). */
const VERIFIED_TOKENS = 1_000;
const VERIFIED_FOR_MS = 60_000;

/**
 * Verifies HS256 tokens with the configured secret, or RS256 tokens against the JWKS URL. A token verified in
 * the last minute is not verified again (a dashboard sends the same one with every request, to every service)
 * until it expires.
 */
export function createPrincipalResolver(auth: AuthConfig): PrincipalResolver {
  const secret = auth.secret ? new TextEncoder().encode(auth.secret) : undefined;
  const jwks: JWTVerifyGetKey | undefined = auth.jwksUrl ? createRemoteJWKSet(new URL(auth.jwksUrl)) : undefined;
  const maxLifetime = auth.maxLifetimeSeconds ?? DEFAULT_JWT_MAX_LIFETIME_SECONDS;
  const verified = new Map<string, { principal: Principal; expiresAt: number; forgetAt: number }>();
  const remember = (token: string, payload: JWTPayload): Principal => {
    const principal = principalFrom(payload, maxLifetime);
    if (verified.size >= VERIFIED_TOKENS) verified.delete(verified.keys().next().value as string);
    verified.set(token, { principal, expiresAt: (payload.exp as number) * 1000, forgetAt: Date.now() + VERIFIED_FOR_MS });
    return principal;
  };
  return async (authorization) => {
    if (authorization === undefined || authorization === '') return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated('expected "Authorization: Bearer <token>"');
    const known = verified.get(match[1]);
    if (known) {
      const now = Date.now();
      if (now < known.expiresAt && now < known.forgetAt) return known.principal;
      verified.delete(match[1]);
    }
    const options = { issuer: auth.issuer, audience: auth.audience, requiredClaims: ['exp'] };
    try {
      if (jwks) return remember(match[1], (await jwtVerify(match[1], jwks, { ...options, algorithms: ['RS256'] })).payload);
      if (secret) return remember(match[1], (await jwtVerify(match[1], secret, { ...options, algorithms: ['HS256'] })).payload);
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      const code = (error as { code?: string }).code ?? 'ERR_JWT_INVALID';
      throw unauthenticated(code.replace(/^ERR_/, '').toLowerCase().replace(/_/g, ' '));
    }
    throw unauthenticated('this service has no key to verify tokens with');
  };
}

/**
 * Signs an HS256 token for development and tests. `expiresIn` is a duration ("8h", "90m", seconds) or,
 * as a number, an absolute expiry in epoch seconds; a lifetime beyond the configured maximum is refused.
 */
export async function signToken(
  auth: AuthConfig,
  claims: { sub: string; name: string; roles: Role[]; district?: string; areas?: string[] },
  expiresIn: string | number = '8h',
): Promise<string> {
  if (!auth.secret) throw new Error('JWT_SECRET is needed to sign development tokens');
  const maxLifetime = auth.maxLifetimeSeconds ?? DEFAULT_JWT_MAX_LIFETIME_SECONDS;
  const lifetime = typeof expiresIn === 'number' ? expiresIn - Math.floor(Date.now() / 1000) : parseDurationSeconds(expiresIn);
  if (lifetime === undefined) throw new Error(`--expires must be a duration such as 90m, 8h or 1d, got "${expiresIn}"`);
  if (lifetime > maxLifetime) throw new Error(`a token may live at most ${maxLifetime} s (JWT_MAX_LIFETIME); asked for ${lifetime} s`);
  return new SignJWT({ name: claims.name, roles: claims.roles, district: claims.district, areas: claims.areas ?? [] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(auth.secret));
}
