import { GraphQLEnumType, GraphQLError } from 'graphql';

/**
 * Every `extensions.code` a client can get, with what it means. The schema's `ErrorCode` enum is
 * built from this list, so the documented codes and the ones the code uses cannot drift apart.
 */
export const ERROR_CODES = {
  BAD_USER_INPUT:
    'An argument or input value breaks a rule (format, range, state of the object). The message says what; `extensions` names the value. Fix the input; retrying unchanged fails again.',
  UNAUTHENTICATED:
    'The operation needs a valid token, and none, an expired one or an invalid one was sent (HTTP 401 when the token itself is bad).',
  FORBIDDEN:
    "The token is valid, but its role, area or district does not allow this (e.g. a district system reporting for another district, or publishing one's own submission).",
  CONFLICT:
    "The change collides with the current state: `expectedRevision` is not the draft's current revision, another change came first, or the name (a slug) is taken. Read again and retry. Also: an `Idempotency-Key` used before for a different request (HTTP 422).",
  NOT_FOUND: 'The version, document or other object the operation names does not exist in this area.',
  SUBGRAPH_UNAVAILABLE:
    "One area's service did not answer in time, or cannot reach its database: its fields are null, the rest of the response is complete; `extensions.serviceName` names it. Retry later (a mutation with the same `Idempotency-Key`).",
  QUERY_TOO_COMPLEX:
    'An entity fetch (`_entities`) carries more representations, or representations times fields, than one request may (`MAX_REPRESENTATIONS`). Refused before anything ran; split the request.',
  OVERLOADED:
    "Refused or stopped for want of capacity, not because of what was asked: the request's class (operational or analytical, decided from the operation) was at its limit and its queue full or waited past its deadline (HTTP 503 with `Retry-After`), or a database wait ran out (`extensions.timedOut`: `statement`, `lock` or `connection`). `extensions.retryable` is true: retry after `Retry-After` seconds (a mutation with the same `Idempotency-Key`).",
  RESPONSE_TOO_LARGE:
    "The answer would be larger than one request may be (`MAX_RESPONSE_MB`; `extensions.maxBytes`): refused as soon as the subgraph answers it is made of pass the limit, before the gateway merges, serialises or caches it; no partial data (HTTP 400). Ask for fewer districts, periods or fields (e.g. one indicator's `comparison` rather than every district's profile); retrying unchanged fails again.",
  GRAPHQL_PARSE_FAILED: 'The operation is not valid GraphQL syntax (HTTP 400).',
  GRAPHQL_VALIDATION_FAILED:
    'The operation does not fit the schema, or exceeds the depth, alias, directive, token or cost limits (HTTP 400). Nothing was executed.',
  BAD_REQUEST:
    'The HTTP request is malformed: no query, a body that is not JSON, batched operations, or a request without the CSRF-preventing header (HTTP 400).',
  PAYLOAD_TOO_LARGE: 'The request body is larger than the server accepts (HTTP 413).',
  PERSISTED_QUERY_NOT_FOUND: 'The hash of an automatic persisted query is unknown here: send the query text with it once.',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Persisted queries are not enabled on this server: send the query text.',
  OPERATION_RESOLUTION_FAILURE: 'The request names an operation the document does not hold, or holds several operations and names none.',
  INTERNAL_SERVER_ERROR:
    'An unexpected failure on the server, never caused by what a client sent. The message is masked in production; `extensions.requestId` finds the full error in the log.',
} as const;

/** A code a client can get as `extensions.code`. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes the domain throws itself (the others come from HTTP, GraphQL validation or the gateway). */
export type DomainErrorCode = Extract<ErrorCode, 'BAD_USER_INPUT' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CONFLICT' | 'NOT_FOUND'>;

/** The `ErrorCode` enum every subgraph publishes, so clients can generate it and switch on it. */
export const ErrorCodeEnum = new GraphQLEnumType({
  name: 'ErrorCode',
  description:
    'The values of `extensions.code` on an error in a response. Every error carries one; the description of each mutation lists those it may answer with.',
  values: Object.fromEntries(Object.entries(ERROR_CODES).map(([code, description]) => [code, { value: code, description }])),
});

/**
 * The "Errors: …" sentence of a mutation's description: each code it may answer with, and when.
 * A test checks that every mutation has one and that it names only codes of `ErrorCode`.
 */
export function errorsDoc(codes: Partial<Record<DomainErrorCode, string>>): string {
  return `Errors: ${Object.entries(codes)
    .map(([code, when]) => (when ? `${code} (${when})` : code))
    .join('; ')}.`;
}

/** A domain error: a message for people plus a code and details for programs. */
export class DomainError extends GraphQLError {
  constructor(message: string, code: DomainErrorCode, details: Record<string, unknown> = {}) {
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

/** Codes that are safe to show as they are, even in production: all but INTERNAL_SERVER_ERROR. */
export const CLIENT_ERROR_CODES: ReadonlySet<string> = new Set(Object.keys(ERROR_CODES).filter((code) => code !== 'INTERNAL_SERVER_ERROR'));
