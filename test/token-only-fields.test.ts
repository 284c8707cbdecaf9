import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { NEEDS_TOKEN } from '@samsyn/core';
import { SCHEMA_DIR } from '@samsyn/scripts';
import { startSupergraph, type TestSupergraph } from '@samsyn/test-support';

/**
 * A field only signed-in callers may read must be nullable: non-null, its UNAUTHENTICATED error nulls its parent,
 * and an anonymous query loses the public data beside it (`changes` once took `childServices` and its published
 * documents with it). Checked over the whole client schema, by what descriptions say and by what resolvers do.
 */
const api: GraphQLSchema = buildSchema(fs.readFileSync(path.join(SCHEMA_DIR, 'api.graphql'), 'utf8'));

/** Object and interface types an anonymous query can reach (mutation results are not read without a token anyway). */
function readableTypes(schema: GraphQLSchema): Map<string, string[]> {
  // Each type with the shortest selection path from Query that reaches it.
  const paths = new Map<string, string[]>([['Query', []]]);
  const pending: GraphQLNamedType[] = [schema.getQueryType()!];
  while (pending.length > 0) {
    const type = pending.shift()!;
    const here = paths.get(type.name)!;
    const next: [GraphQLNamedType, string][] = [];
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        // A lookup by id or slug answers nothing without one: reach its type through a listing instead.
        if (field.args.some((arg) => arg.name === 'id' || arg.name === 'slug')) continue;
        // Nor through a field an anonymous caller is refused (it is null, and nothing below it is read).
        if (/UNAUTHENTICATED/.test(field.description ?? '')) continue;
        next.push([getNamedType(field.type), selection(field)]);
      }
    }
    if (isAbstractType(type)) for (const each of schema.getPossibleTypes(type)) next.push([each, `... on ${each.name}`]);
    for (const [target, step] of next) {
      if ((isObjectType(target) || isInterfaceType(target) || isAbstractType(target)) && !paths.has(target.name)) {
        paths.set(target.name, [...here, step]);
        pending.push(target);
      }
    }
  }
  return paths;
}

/** Values for required arguments: real demo codes where a resolver would otherwise refuse the value first. */
const ARGUMENT_VALUES: Record<string, string> = {
  code: '"angered"',
  district: '"angered"',
  indicator: '"CS-IA14"',
  period: '"2026-Q3"',
  from: '"2026-Q1"',
  to: '"2026-Q3"',
  year: '2026',
  reportReceivedOn: '"2026-01-02"',
};

function literal(name: string, type: GraphQLInputType): string {
  if (ARGUMENT_VALUES[name]) return ARGUMENT_VALUES[name];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0].name;
  if (isInputObjectType(named)) {
    const required = Object.values(named.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return `{ ${required.map((field) => `${field.name}: ${literal(field.name, field.type)}`).join(', ')} }`;
  }
  if (named.name === 'Int' || named.name === 'Float') return '1';
  if (named.name === 'Boolean') return 'true';
  return '"x"';
}

/** A field as selected on the way: its required arguments given, lists cut to one item. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const given = field.args
    .filter((arg) => (isNonNullType(arg.type) && arg.defaultValue === undefined) || arg.name === 'first')
    .map((arg) => `${arg.name}: ${arg.name === 'first' ? '1' : literal(arg.name, arg.type)}`);
  return given.length > 0 ? `${field.name}(${given.join(', ')})` : field.name;
}

/** One query that reads `field` of `type` anonymously, along the shortest path to the type. */
function queryFor(path: string[], field: GraphQLField<unknown, unknown>): string {
  const leaf = isLeafType(getNamedType(field.type)) ? selection(field) : `${selection(field)} { __typename }`;
  return path.reduceRight((inner, step) => `${step} { ${inner} }`, leaf).replace(/^/, '{ ') + ' }';
}

describe('token-only fields', () => {
  it('every field whose description says it needs a token is nullable', () => {
    const nonNull: string[] = [];
    let described = 0;
    for (const type of Object.values(api.getTypeMap())) {
      if (!(isObjectType(type) || isInterfaceType(type)) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!/needs a token/i.test(field.description ?? '')) continue;
        described += 1;
        if (isNonNullType(field.type)) nonNull.push(`${type.name}.${field.name}: ${String(field.type)}`);
      }
    }
    expect(NEEDS_TOKEN).toMatch(/needs a token/i);
    expect(described).toBeGreaterThan(20);
    expect(nonNull).toEqual([]);
  });

  describe('read anonymously through the gateway', () => {
    let graph: TestSupergraph;
    beforeAll(async () => {
      graph = await startSupergraph({ seed: true });
    }, 120_000);
    afterAll(() => graph.close());

    it('every field whose resolver refused an anonymous caller with UNAUTHENTICATED is nullable', async () => {
      const refused = new Map<string, string>();
      const failed: string[] = [];
      let asked = 0;
      for (const [typeName, path] of readableTypes(api)) {
        const type = api.getType(typeName);
        if (!(isObjectType(type) || isInterfaceType(type)) || typeName.startsWith('__')) continue;
        for (const field of Object.values(type.getFields())) {
          const query = queryFor(path, field);
          asked += 1;
          const result = await graph.query(query);
          for (const error of result.errors ?? []) {
            const code = String(error.extensions?.code);
            const last = (error.path ?? []).filter((segment) => typeof segment === 'string').at(-1);
            if (code === 'UNAUTHENTICATED' && last === field.name) refused.set(`${typeName}.${field.name}`, String(field.type));
            else if (code === 'INTERNAL_SERVER_ERROR' || code === 'GRAPHQL_VALIDATION_FAILED') failed.push(`${query}: ${error.message}`);
          }
        }
      }
      // The walk must have reached the token-only fields, or it proves nothing.
      expect([...refused.keys()]).toEqual(
        expect.arrayContaining(['ChildServices.changes', 'ChildServices.comparison', 'AreaProfile.adoption', 'KnowledgeDocument.adoption']),
      );
      expect(asked).toBeGreaterThan(150);
      expect(failed).toEqual([]);
      expect([...refused].filter(([, type]) => type.endsWith('!')).map(([field, type]) => `${field}: ${type}`)).toEqual([]);
    }, 240_000);

    it('an anonymous query of the published documents and the change feed answers the documents, the feed null with UNAUTHENTICATED', async () => {
      const result = await graph.query<{ childServices: { documents: { totalCount: number }; changes: unknown } | null }>(
        `#graphql
        query DocumentsAndChanges { childServices { documents(first: 1) { totalCount } changes { edges { cursor } } } }`,
      );
      expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
        [['childServices', 'changes'], 'UNAUTHENTICATED'],
      ]);
      expect(result.data?.childServices?.changes).toBeNull();
      expect(result.data?.childServices?.documents.totalCount).toBeGreaterThan(0);
    });
  });
});
