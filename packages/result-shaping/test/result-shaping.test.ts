import { createRequire } from 'node:module';
import { startSupergraph, tokenFor, type TestSupergraph } from '@samsyn/test-support';
import { computeResponse as portAsBuilt } from '@samsyn/result-shaping';
import { computeResponse, type ShapingInput, type ShapingResult } from '../src/index';

/**
 * The gateway's last pass over an answer is Samsyn's port of `@apollo/gateway`'s (packages/result-shaping). Every
 * answer the gateway shapes in these queries is shaped by both, and so are a few hundred broken variants of it
 * (fields missing, nulls where none may be, values of the wrong type, unknown or other `__typename`s, lists
 * that are not lists): the two must give the same JSON, the same errors, or throw the same message.
 */
type Shaping = (input: ShapingInput) => ShapingResult;

const gatewayRequire = createRequire(require.resolve('@apollo/gateway'));
const shapingModule = gatewayRequire('./resultShaping') as { computeResponse: Shaping };
/** `@apollo/gateway`'s own pass: the module's export until a gateway starts. */
const apolloShaping = shapingModule.computeResponse;

const AREAS = ['childServices', 'adultServices', 'disability', 'incomeSupport'];
const QUERIES: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  dashboard: {
    query: `{ districts { code name ${AREAS.map(
      (area) => `${area} { adoption { documentsInForce acknowledged implemented lagging { document { slug } daysLagging } }
        indicators(period: "2026-Q3") { indicator { code } value position suppressed trend } }`,
    ).join(' ')} } }`,
  },
  'aliases, __typename and fragments on the area interface': {
    query: `query ($withName: Boolean!, $skipCode: Boolean = false) {
      __typename
      first: district(code: "angered") { __typename kind: __typename code @skip(if: $skipCode) name @include(if: $withName) }
      childServices { ...Area area name documents(first: 5) { totalCount } }
      ... on Query { areas { area } }
      adultServices { ... on AreaNamespace { name area } ... on AdultServices { n: name } }
      disability { ... @include(if: $withName) { name } ... @skip(if: true) { area } }
      districts { code childServices { name @skip(if: false) area @include(if: false) } }
    }
    fragment Area on AreaNamespace { __typename name documents(first: 5) { totalCount edges { node { slug title kind current { number validFrom } } } } }`,
    variables: { withName: true },
  },
  'response names that Object.prototype has': {
    query: `{ toString: districts { constructor: code __proto__: name hasOwnProperty: childServices { valueOf: name } }
      districts { code } areas { area } }`,
  },
  'response names that Object.prototype has, only inside fragments': {
    query: `{ districts { ...Named } ...Root ... on Query { constructor: areas { area } } }
      fragment Named on District { __proto__: code name }
      fragment Root on Query { toString: district(code: "angered") { code } }`,
  },
  'introspection beside data': {
    query: '{ __schema { queryType { name } } __type(name: "District") { name kind } areas { area name } }',
  },
};

interface Outcome {
  json?: string;
  errors?: { message: string; path?: readonly (string | number)[]; extensions: unknown }[];
  thrown?: string;
}

/** A deep copy that keeps each object's prototype: the gateway's merged data holds Object.create(null) objects. */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value === null || typeof value !== 'object') return value;
  const copied = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const [key, inner] of Object.entries(value))
    Object.defineProperty(copied, key, { value: copy(inner), enumerable: true, writable: true, configurable: true });
  return copied as T;
}

function outcome(shape: Shaping, input: ShapingInput): Outcome {
  try {
    const { data, errors } = shape({ ...input, input: copy(input.input) });
    return {
      json: JSON.stringify(data),
      errors: errors.map((error) => ({ message: error.message, path: error.path, extensions: error.extensions })),
    };
  } catch (error) {
    return { thrown: (error as Error).message };
  }
}

/** A seeded generator, so that a failure is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

type Holder = Record<string | number, unknown>;

/** Every object or array of a merged answer, with its keys. */
function holders(value: unknown, found: Holder[] = []): Holder[] {
  if (value && typeof value === 'object') {
    found.push(value as Holder);
    for (const child of Object.values(value)) holders(child, found);
  }
  return found;
}

const BROKEN_VALUES: unknown[] = [null, 'x', 7, 7.5, true, {}, [], { __typename: 'District' }, 'NOT_AN_ENUM_VALUE'];
const TYPENAMES = ['District', 'ChildServices', 'AreaProfile', 'NoSuchType', 'AreaNamespace', 7];

/** The answer with one thing broken: a field removed, a value replaced, or a `__typename` changed or added. */
function broken(input: unknown, next: () => number): unknown {
  const changed = copy(input);
  const all = holders(changed);
  const holder = all[Math.floor(next() * all.length)];
  const keys = Object.keys(holder);
  const choice = next();
  if (choice < 0.15 && !Array.isArray(holder)) {
    holder.__typename = TYPENAMES[Math.floor(next() * TYPENAMES.length)];
  } else if (keys.length > 0) {
    const key = keys[Math.floor(next() * keys.length)];
    if (choice < 0.35 && !Array.isArray(holder)) delete holder[key];
    else holder[key] = copy(BROKEN_VALUES[Math.floor(next() * BROKEN_VALUES.length)]);
  }
  return changed;
}

describe("the gateway's result shaping", () => {
  let graph: TestSupergraph;
  const seen: ShapingInput[] = [];
  let installed: Shaping;
  beforeAll(async () => {
    graph = await startSupergraph();
    installed = shapingModule.computeResponse;
    shapingModule.computeResponse = (input) => {
      seen.push({ ...input, input: copy(input.input) });
      return installed(input);
    };
  });
  afterAll(async () => {
    shapingModule.computeResponse = computeResponse;
    await graph?.close();
  });

  it('is the port in a running gateway, for the gateway version it was ported from', () => {
    // The gateway runs the built package; the comparisons below run its source.
    expect(apolloShaping).not.toBe(portAsBuilt);
    expect(installed).toBe(portAsBuilt);
  });

  it.each(Object.keys(QUERIES))('shapes %s as @apollo/gateway does, and every broken variant of it too', async (name) => {
    const { query, variables } = QUERIES[name];
    seen.length = 0;
    const result = await graph.query(query, { variables, token: await tokenFor({ roles: ['analyst'] }) });
    expect(result.errors).toBeUndefined();
    expect(seen).toHaveLength(1);
    const [input] = seen;
    const ours = outcome(computeResponse, input);
    expect(ours.thrown).toBeUndefined();
    expect(ours.json).toBe(JSON.stringify(result.data));
    expect(ours).toEqual(outcome(apolloShaping, input));
    const next = random(name.length);
    let differentOutcomes = 0;
    for (let variant = 0; variant < 300; variant++) {
      const brokenInput = { ...input, input: broken(input.input, next) as ShapingInput['input'] };
      const expected = outcome(apolloShaping, brokenInput);
      expect(outcome(computeResponse, brokenInput)).toEqual(expected);
      if (expected.thrown || expected.errors?.length || expected.json !== ours.json) differentOutcomes++;
    }
    // The variants are broken enough to matter: most of them change the answer or its errors.
    expect(differentOutcomes).toBeGreaterThan(150);
  });
});
