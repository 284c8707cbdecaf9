import type { TypedDocumentString } from '../gql/graphql';
import { bearerToken } from './session';

/** A GraphQL error the page can act on: `code` is the API's `extensions.code`. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** The error's other extensions, e.g. `identicalTo` when publishing changes nothing. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** Whether signing in (again) would help. */
  get needsSignIn(): boolean {
    return this.code === 'UNAUTHENTICATED' || this.code === 'FORBIDDEN';
  }
}

interface GraphQLResponse<TResult> {
  data?: TResult | null;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

/** Sends one typed operation to the gateway that served the page. */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const token = bearerToken();
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: document.toString(), variables }) });
  let body: GraphQLResponse<TResult>;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new ApiError(`Servern svarade ${response.status} utan GraphQL-svar.`, 'NETWORK');
  }
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code ?? 'INTERNAL_SERVER_ERROR', error.extensions ?? {});
  if (!body.data) throw new ApiError('Svaret saknar data.', 'INTERNAL_SERVER_ERROR');
  return body.data;
}
