// SPDX-License-Identifier: Elastic-2.0
// The cases of @apollo/gateway 2.14.4's src/__tests__/resultShaping.test.ts (Copyright Apollo Graph, Inc., Elastic
// License 2.0), restated for Samsyn's port; modified by Samsyn contributors (2026). Under the Elastic License 2.0, as
// the rest of packages/result-shaping (LICENSE beside package.json).
import { buildSchemaFromAST, parseOperation } from '@apollo/federation-internals';
import { parse } from 'graphql';
import { computeResponse } from '../src/index';

/**
 * Upstream's unit tests of the gateway's last pass, on small inline schemas with no I/O: which fields an answer
 * keeps, how a null where none may be climbs to the nearest nullable parent, and what `__typename` says. The
 * equivalence test beside this one compares the port with upstream's pass on the supergraph's real answers.
 */
const schemaOf = (sdl: string) => buildSchemaFromAST(parse(sdl));
const introspectionHandling = () => null;

function shape(schema: ReturnType<typeof schemaOf>, query: string, input: Record<string, unknown>) {
  const result = computeResponse({ operation: parseOperation(schema, query), input, introspectionHandling });
  return { data: result.data, errors: result.errors.map((error) => ({ message: error.message, path: error.path })) };
}

describe('the port of the gateway post-processing (upstream cases)', () => {
  it('keeps only the fields the operation asked for, per concrete type', () => {
    const schema = schemaOf(`
      type Query { t: T v: Int! }
      type T { a: Int b: String c: [C] d: Int }
      interface C { x: Int y: Int }
      type P1 implements C { id: ID! x: Int y: Int }
      type P2 implements C { x: Int y: Int w: Int z: Int }
    `);
    const input = {
      t: {
        a: 0,
        b: 'testData',
        c: [
          { __typename: 'P1', id: 'foo', x: 1, y: 2 },
          { __typename: 'P2', x: 10, y: 20, w: 30, z: 40 },
        ],
        d: 1,
      },
      v: 42,
    };
    expect(shape(schema, '{ t { a c { x ... on P1 { x y } ... on P2 { z } } } }', input)).toEqual({
      data: {
        t: {
          a: 0,
          c: [
            { x: 1, y: 2 },
            { x: 10, z: 40 },
          ],
        },
      },
      errors: [],
    });
  });

  describe('null propagation for non-nullable types', () => {
    const schema = schemaOf(`
      type Query { tNullable: T tNonNullable: T! }
      type T { a: Int b: Int! c: [Int] d: [Int]! e: [Int!] f: [Int!]! }
    `);
    const t = { a: null, b: null, c: [24, null, 42, null], d: [24, null, 42, null], e: [24, null, 42, null], f: [24, null, 42, null] };
    const input = { tNullable: t, tNonNullable: t };

    it('leaves a null in a nullable field where it is', () => {
      expect(shape(schema, '{ tNonNullable { a } }', input)).toEqual({ data: { tNonNullable: { a: null } }, errors: [] });
    });

    it('nulls the nearest nullable parent of a null non-nullable field, with an error at the field', () => {
      const error = { message: 'Cannot return null for non-nullable field T.b.' };
      expect(shape(schema, '{ tNonNullable { b } }', input)).toEqual({
        data: null,
        errors: [{ ...error, path: ['tNonNullable', 'b'] }],
      });
      expect(shape(schema, '{ tNullable { b } }', input)).toEqual({
        data: { tNullable: null },
        errors: [{ ...error, path: ['tNullable', 'b'] }],
      });
    });

    it('keeps null elements of lists whose elements may be null', () => {
      expect(shape(schema, '{ tNonNullable { c } }', input)).toEqual({ data: { tNonNullable: { c: [24, null, 42, null] } }, errors: [] });
      expect(shape(schema, '{ tNonNullable { d } }', input)).toEqual({ data: { tNonNullable: { d: [24, null, 42, null] } }, errors: [] });
    });

    it('nulls a nullable list with null elements that may not be null, one error per element', () => {
      expect(shape(schema, '{ tNonNullable { e } }', input)).toEqual({
        data: { tNonNullable: { e: null } },
        errors: [
          { message: 'Cannot return null for non-nullable array element of type Int at index 1.', path: ['tNonNullable', 'e', 1] },
          { message: 'Cannot return null for non-nullable array element of type Int at index 3.', path: ['tNonNullable', 'e', 3] },
        ],
      });
    });

    it('climbs past a non-nullable list of non-nullable elements to the nearest nullable parent', () => {
      const errors = (root: string) => [
        { message: 'Cannot return null for non-nullable array element of type Int at index 1.', path: [root, 'f', 1] },
        { message: 'Cannot return null for non-nullable array element of type Int at index 3.', path: [root, 'f', 3] },
      ];
      expect(shape(schema, '{ tNonNullable { f } }', input)).toEqual({ data: null, errors: errors('tNonNullable') });
      expect(shape(schema, '{ tNullable { f } }', input)).toEqual({ data: { tNullable: null }, errors: errors('tNullable') });
    });
  });

  it('refuses a value of the wrong type for a built-in scalar', () => {
    const schema = schemaOf('type Query { x: Int! }');
    expect(shape(schema, '{ x }', { x: 'foo' })).toEqual({
      data: null,
      errors: [{ message: 'Invalid value found for field Query.x.', path: ['x'] }],
    });
  });

  it('adds __typename of the root type wherever it is asked for, also nested', () => {
    const schema = schemaOf('type Query { t: T } type T { a: Int q: Query }');
    const input = { t: { a: 42, q: { t: { q: { t: { a: 24 } } } } } };
    expect(shape(schema, '{ __typename t { a q { __typename t { q { __typename t { a } } } } } }', input)).toEqual({
      data: { __typename: 'Query', t: { a: 42, q: { __typename: 'Query', t: { q: { __typename: 'Query', t: { a: 24 } } } } } },
      errors: [],
    });
  });

  it('keeps the concrete __typename the subgraphs sent for an interface', () => {
    const schema = schemaOf(`
      type Query { i: [I] }
      interface I { x: Int }
      type A implements I { x: Int }
      type B implements I { x: Int }
    `);
    const input = {
      i: [
        { __typename: 'A', x: 24 },
        { __typename: 'B', x: 42 },
      ],
    };
    expect(shape(schema, '{ i { ... on I { __typename x } } }', input)).toEqual({
      data: {
        i: [
          { __typename: 'A', x: 24 },
          { __typename: 'B', x: 42 },
        ],
      },
      errors: [],
    });
  });
});
