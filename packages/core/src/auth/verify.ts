import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AuthConfig } from '../config';
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

function principalFrom(payload: JWTPayload): Principal {
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

/** Verifies HS256 tokens with the configured secret, or RS256 tokens against the JWKS URL. */
export function createPrincipalResolver(auth: AuthConfig): PrincipalResolver {
  const secret = auth.secret ? new TextEncoder().encode(auth.secret) : undefined;
  const jwks: JWTVerifyGetKey | undefined = auth.jwksUrl ? createRemoteJWKSet(new URL(auth.jwksUrl)) : undefined;
  return async (authorization) => {
    if (authorization === undefined || authorization === '') return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated('expected "Authorization: Bearer <token>"');
    const options = { issuer: auth.issuer, audience: auth.audience };
    try {
      if (jwks) return principalFrom((await jwtVerify(match[1], jwks, { ...options, algorithms: ['RS256'] })).payload);
      if (secret) return principalFrom((await jwtVerify(match[1], secret, { ...options, algorithms: ['HS256'] })).payload);
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      const code = (error as { code?: string }).code ?? 'ERR_JWT_INVALID';
      throw unauthenticated(code.replace(/^ERR_/, '').toLowerCase().replace(/_/g, ' '));
    }
    throw unauthenticated('this service has no key to verify tokens with');
  };
}

/** Signs an HS256 token for development and tests. */
export async function signToken(
  auth: AuthConfig,
  claims: { sub: string; name: string; roles: Role[]; district?: string; areas?: string[] },
  expiresIn: string | number = '8h',
): Promise<string> {
  if (!auth.secret) throw new Error('JWT_SECRET is needed to sign development tokens');
  return new SignJWT({ name: claims.name, roles: claims.roles, district: claims.district, areas: claims.areas ?? [] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(auth.secret));
}
