import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { OperationTypeNode, type FormattedExecutionResult } from 'graphql';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { type SubgraphContext, databaseUnreachable, CLIENT_ERROR_CODES, currentRequestScope } from '@samsyn/core';

/** The request header (IETF httpapi "The Idempotency-Key HTTP Header Field"). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/**
 * What the gateway forwards beside the key: its fingerprint of the client's whole request (operation text, operation
 * name, variables). A subgraph tells keyed requests apart by it, not by the part of the request it was sent.
 */
export const IDEMPOTENCY_FINGERPRINT_HEADER = 'samsyn-idempotency-fingerprint';

// Printable ASCII, as the draft's examples (UUIDs, random strings); long enough for any client's scheme.
const VALID_KEY = /^[\x21-\x7e]{1,255}$/;
/** A fingerprint as `requestFingerprint` makes it (SHA-256, base64url). */
const VALID_FINGERPRINT = /^[\w-]{43}$/;

/** Whether a header value can be an Idempotency-Key: 1-255 printable ASCII characters (an empty one is not). */
export function isIdempotencyKey(value: string): boolean {
  return VALID_KEY.test(value);
}

/** The answer to a key that is not one. */
export const NOT_AN_IDEMPOTENCY_KEY = 'Idempotency-Key must be 1-255 printable ASCII characters, e.g. a UUID.';

/** The table of remembered keys, in each subgraph's own schema (so replicas of a subgraph share it). */
export class IdempotencyKeys1763900000000 implements MigrationInterface {
  name = 'IdempotencyKeys1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE idempotency_key (
        subject text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subject, key)
      )`);
    await db.query(`CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE idempotency_key`);
  }
}

/** JSON with object keys sorted, so that the same variables give the same fingerprint whatever their order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What makes two requests "the same body": the document, the operation it runs (however it was named) and its variables. */
export function requestFingerprint(
  request: { query?: string; variables?: Record<string, unknown> | null },
  operationName: string | null,
): string {
  return createHash('sha256')
    .update(canonicalJson({ query: request.query ?? '', operationName, variables: request.variables ?? {} }))
    .digest('base64url');
}

function errorResponse(status: number, message: string, code: string): GraphQLResponse {
  return {
    http: { status, headers: new HeaderMap() },
    body: { kind: 'single', singleResult: { errors: [{ message, extensions: { code } }] } },
  };
}

/** What a keyed mutation answers when the database cannot be reached: the same as any field of this subgraph. */
function unavailableResponse(service: string): GraphQLResponse {
  const message = `The ${service} subgraph cannot reach its database just now; retry later.`;
  return {
    http: { status: undefined, headers: new HeaderMap() },
    body: {
      kind: 'single',
      singleResult: { data: null, errors: [{ message, extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: service } }] },
    },
  };
}

/** The SQL of `idempotency_key`: its one owner. */
class IdempotencyKeyStore {
  constructor(
    private readonly runner: QueryRunner,
    private readonly ttlSeconds: number,
  ) {}

  /**
   * Claims a key for this request (new, or expired and so free again), clearing a few expired keys on the
   * way; a concurrent request with the same key waits here until this one commits or rolls back.
   * Returns nothing when claimed, else what the earlier request left.
   */
  async claim(
    subject: string,
    key: string,
    fingerprint: string,
  ): Promise<{ fingerprint: string; response: FormattedExecutionResult | null } | undefined> {
    const claimed = (await this.runner.query(
      `WITH purged AS (
         DELETE FROM idempotency_key WHERE ctid IN (
           SELECT ctid FROM idempotency_key WHERE created_at < now() - make_interval(secs => $4) AND NOT (subject = $1 AND key = $2)
           LIMIT 100 FOR UPDATE SKIP LOCKED))
       INSERT INTO idempotency_key AS k (subject, key, fingerprint) VALUES ($1, $2, $3)
       ON CONFLICT (subject, key) DO UPDATE SET fingerprint = excluded.fingerprint, response = NULL, created_at = now()
         WHERE k.created_at < now() - make_interval(secs => $4)
       RETURNING 1`,
      [subject, key, fingerprint, this.ttlSeconds],
    )) as unknown[];
    if (claimed.length > 0) return undefined;
    const [earlier] = (await this.runner.query(`SELECT fingerprint, response FROM idempotency_key WHERE subject = $1 AND key = $2`, [
      subject,
      key,
    ])) as { fingerprint: string; response: FormattedExecutionResult | null }[];
    return earlier;
  }

  async remember(subject: string, key: string, response: FormattedExecutionResult): Promise<void> {
    await this.runner.query(`UPDATE idempotency_key SET response = $3 WHERE subject = $1 AND key = $2`, [
      subject,
      key,
      JSON.stringify(response),
    ]);
  }
}

const SECRET_NOT_REPLAYED =
  'This request was carried out with this Idempotency-Key, and its answer held a secret that is shown only once and not kept. Read the change with a query; for a new secret, rotate it.';

/**
 * `Idempotency-Key` on mutations. A mutation with a key runs in one transaction for the whole request,
 * which also records the key and the response, so the two commit together or not at all. A retry with
 * the same key and body gets the first response and writes nothing; the same key with another body is
 * CONFLICT. Keys are kept `ttlSeconds` per caller (token subject). Without a key nothing changes.
 */
export function idempotencyPlugin(dataSource: DataSource, ttlSeconds: number): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      let claim: { runner: QueryRunner; store: IdempotencyKeyStore; subject: string; key: string } | undefined;

      const finish = async (outcome: 'commit' | 'rollback') => {
        const held = claim;
        claim = undefined;
        const scope = currentRequestScope();
        if (scope) scope.transaction = undefined;
        if (!held) return;
        try {
          if (outcome === 'commit') await held.runner.commitTransaction();
          else await held.runner.rollbackTransaction();
        } finally {
          await held.runner.release();
        }
      };

      return {
        async responseForOperation({ operation, source, request, contextValue }) {
          const key = contextValue.idempotencyKey;
          // Reads are idempotent anyway; without a caller the mutation is refused before it does anything.
          if (key === undefined || operation.operation !== OperationTypeNode.MUTATION || !contextValue.principal) return null;
          if (!isIdempotencyKey(key)) return errorResponse(400, NOT_AN_IDEMPOTENCY_KEY, 'BAD_USER_INPUT');
          const runner = dataSource.createQueryRunner();
          const store = new IdempotencyKeyStore(runner, ttlSeconds);
          const subject = contextValue.principal.sub;
          // The request this subgraph got and, through the gateway, the client's whole request: two of its bodies may
          // send this subgraph the same part, and are still two requests.
          const forwarded = contextValue.idempotencyFingerprint;
          const own = requestFingerprint({ query: source, variables: request.variables }, operation.name?.value ?? null);
          const fingerprint =
            forwarded !== undefined && VALID_FINGERPRINT.test(forwarded)
              ? createHash('sha256').update(`${forwarded}:${own}`).digest('base64url')
              : own;
          let earlier: Awaited<ReturnType<IdempotencyKeyStore['claim']>>;
          try {
            await runner.connect();
            await runner.startTransaction();
            earlier = await store.claim(subject, key, fingerprint);
          } catch (error) {
            if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
            await runner.release();
            // As for a mutation without a key: an unreachable database is this subgraph unavailable, and the key is
            // free to be tried again.
            if (databaseUnreachable(error)) return unavailableResponse(contextValue.config.service);
            throw error;
          }
          if (earlier) {
            await runner.rollbackTransaction();
            await runner.release();
            if (earlier.fingerprint !== fingerprint || !earlier.response) {
              return errorResponse(
                422,
                'This Idempotency-Key was used for a different request; use a new key for a new request.',
                'CONFLICT',
              );
            }
            return {
              http: { status: undefined, headers: new HeaderMap([['idempotent-replayed', 'true']]) },
              body: { kind: 'single', singleResult: earlier.response },
            };
          }
          claim = { runner, store, subject, key };
          // From here every statement of the request goes through this transaction.
          contextValue.db = runner.manager;
          const scope = currentRequestScope();
          if (scope) scope.transaction = { dataSource, queryRunner: runner };
          return null;
        },

        async willSendResponse({ response, contextValue }) {
          if (!claim) return;
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const failed = !result || (result.errors ?? []).some((error) => !CLIENT_ERROR_CODES.has(String(error.extensions?.code)));
          if (failed) {
            // A server-side failure may be transient: nothing is kept, and the same key may be tried again.
            await finish('rollback');
            if (result) result.data = null;
            return;
          }
          try {
            // A secret shown once is never stored: a replay is told the change was made, and not the secret again.
            await claim.store.remember(
              claim.subject,
              claim.key,
              contextValue.showsSecret
                ? { data: null, errors: [{ message: SECRET_NOT_REPLAYED, extensions: { code: 'CONFLICT' } }] }
                : { data: result.data, ...(result.errors ? { errors: result.errors } : {}) },
            );
            await finish('commit');
          } catch {
            await finish('rollback').catch(() => undefined);
            result.data = null;
            result.errors = [
              {
                message: 'The change could not be stored; nothing was changed. Retry with the same Idempotency-Key.',
                extensions: { code: 'INTERNAL_SERVER_ERROR' },
              },
            ];
          }
        },
      };
    },
  };
}
