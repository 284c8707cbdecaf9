import { GraphQLError } from 'graphql';

/** The error codes a client can act on; every domain error carries one as `extensions.code`. */
export type ErrorCode = 'BAD_USER_INPUT' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CONFLICT' | 'NOT_FOUND';

/** A domain error: a message for people plus a code and details for programs. */
export class DomainError extends GraphQLError {
  constructor(message: string, code: ErrorCode, details: Record<string, unknown> = {}) {
    super(message, { extensions: { ...details, code } });
  }
}

export class BadInputError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 'BAD_USER_INPUT', details);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 'CONFLICT', details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this.', details?: Record<string, unknown>) {
    super(message, 'FORBIDDEN', details);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'A valid token is required.', details?: Record<string, unknown>) {
    super(message, 'UNAUTHENTICATED', details);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 'NOT_FOUND', details);
  }
}

/** Codes that are safe to show as they are, even in production. */
export const CLIENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'NOT_FOUND',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
  'SUBGRAPH_UNAVAILABLE',
]);
