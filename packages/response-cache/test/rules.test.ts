import { HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import type { Principal } from '@samsyn/core';
import { accessScope, answerKey, declaredVariables, FreshRead, plainQueryOf } from '../src/subgraph';

/**
 * The response cache's pure rules, without a database: who shares an answer, what its key is made of, which
 * requests the fast path answers, and how reads of the table versions are shared. test/response-cache.test.ts
 * runs the same cache against PostgreSQL.
 */
const analyst = (sub: string, name = sub): Principal => ({ sub, name, roles: ['analyst'], areas: [] });
const districtSystem = (district: string): Principal => ({
  sub: `system-${district}`,
  name: district,
  roles: ['district-system'],
  district,
  areas: [],
});
const leader = (sub: string, areas: string[]): Principal => ({ sub, name: sub, roles: ['process-leader'], areas });

describe('the access scope an answer is shared in', () => {
  it('is one for every caller without a token', () => {
    expect(accessScope(null)).toBe(accessScope(null));
    expect(accessScope(null)).not.toBe(accessScope(analyst('a')));
  });

  it('is shared by two analysts, who see the same', () => {
    expect(accessScope(analyst('analyst-1', 'Ann'))).toBe(accessScope(analyst('analyst-2', 'Bo')));
  });

  it('is never shared by two districts’ systems', () => {
    expect(accessScope(districtSystem('angered'))).not.toBe(accessScope(districtSystem('majorna')));
  });

  it('is shared by process leaders of the same areas, in whatever order, and by no one leading others', () => {
    expect(accessScope(leader('anna', ['CHILD_SERVICES', 'DISABILITY']))).toBe(
      accessScope(leader('jonas', ['DISABILITY', 'CHILD_SERVICES'])),
    );
    expect(accessScope(leader('anna', ['CHILD_SERVICES']))).not.toBe(accessScope(leader('jonas', ['DISABILITY'])));
  });
});

describe('the key of a kept answer', () => {
  const request = { principal: analyst('a'), today: '2026-12-07', operationName: 'Dashboard', query: '{ x }', variables: {} };

  it('is the same for two callers of one scope, and differs between scopes', () => {
    expect(answerKey('p', request)).toBe(answerKey('p', { ...request, principal: analyst('b', 'Bo') }));
    expect(answerKey('p', request)).not.toBe(answerKey('p', { ...request, principal: districtSystem('angered') }));
    expect(answerKey('p', request)).not.toBe(answerKey('p', { ...request, principal: null }));
  });

  it('changes with the calendar day, the prefix, the query and the variables', () => {
    const key = answerKey('p', request);
    expect(answerKey('p', { ...request, today: '2026-12-08' })).not.toBe(key);
    expect(answerKey('q', request)).not.toBe(key);
    expect(answerKey('p', { ...request, query: '{ y }' })).not.toBe(key);
    expect(answerKey('p', { ...request, variables: { period: '2026-Q3' } })).not.toBe(key);
  });

  it('takes no operation name, given as null or left out, as one; an empty name as another', () => {
    const unnamed = answerKey('p', { ...request, operationName: null });
    expect(answerKey('p', { ...request, operationName: undefined })).toBe(unnamed);
    expect(answerKey('p', { ...request, operationName: '' })).not.toBe(unnamed);
  });

  describe('holds the variables as the operation declares and the schema coerces them', () => {
    const schema = buildSchema('type Query { document(id: ID!, first: Int = 5): String }');
    const operation = parse('query ($id: ID!, $first: Int = 5) { document(id: $id, first: $first) }')
      .definitions[0] as OperationDefinitionNode;
    const variables = (given: Record<string, unknown>) => declaredVariables(schema, operation.variableDefinitions, given);

    it('drops undeclared variables and fills in defaults, so junk makes no new entry', () => {
      expect(variables({ id: 'x', junk: 1 })).toEqual({ id: 'x', first: 5 });
      expect(variables({ id: 'x', first: 5 })).toEqual(variables({ id: 'x' }));
    });

    it('spells a value as the schema does (an ID given as a number is a string)', () => {
      expect(variables({ id: 7 })).toEqual({ id: '7', first: 5 });
    });

    it('is undefined when the variables do not coerce: such a request is answered with the error, never from a cache', () => {
      expect(variables({ first: 5 })).toBeUndefined();
      expect(variables({ id: 'x', first: 'many' })).toBeUndefined();
    });
  });
});

describe('the plain JSON POST a cache answers before Apollo Server', () => {
  function request(init: { method?: string; headers?: Record<string, string>; body?: unknown }): HTTPGraphQLRequest {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(init.headers ?? { 'content-type': 'application/json' })) headers.set(name, value);
    return { method: init.method ?? 'POST', headers, search: '', body: init.body ?? { query: '{ x }' } };
  }

  it('is a POST of application/json with a query text, its variables and operation name', () => {
    expect(plainQueryOf(request({ body: { query: '{ x }', variables: { a: 1 }, operationName: 'X' } }))).toEqual({
      query: '{ x }',
      variables: { a: 1 },
      operationName: 'X',
    });
    expect(plainQueryOf(request({ headers: { 'content-type': 'application/json; charset=utf-8', accept: '*/*' } }))).toEqual({
      query: '{ x }',
    });
  });

  it('leaves every other request to Apollo Server', () => {
    const others = {
      GET: request({ method: 'GET' }),
      'another content type': request({ headers: { 'content-type': 'text/plain' } }),
      'a persisted query (extensions)': request({ body: { query: '{ x }', extensions: { persistedQuery: { version: 1 } } } }),
      'no query text': request({ body: { operationName: 'X' } }),
      'a batch': request({ body: [{ query: '{ x }' }] }),
      'variables that are a list': request({ body: { query: '{ x }', variables: [1] } }),
      'an operation name that is no string': request({ body: { query: '{ x }', operationName: 5 } }),
      'an Accept of graphql-response+json': request({
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      }),
      'an Accept without JSON': request({ headers: { 'content-type': 'application/json', accept: 'text/html' } }),
    };
    const answered = Object.entries(others).filter(([, candidate]) => plainQueryOf(candidate) !== undefined);
    expect(answered.map(([what]) => what)).toEqual([]);
  });
});

describe('a fresh read of the table versions', () => {
  /** A read whose answers the test gives one at a time. */
  function controlledRead() {
    const pending: { resolve(value: number): void; reject(error: Error): void }[] = [];
    const read = new FreshRead(() => new Promise<number>((resolve, reject) => pending.push({ resolve, reject })));
    return { read, pending };
  }

  it('is shared by every caller that came while the one before was on its way, and is sent after it', async () => {
    const { read, pending } = controlledRead();
    const first = read.read();
    const second = read.read();
    const third = read.read();
    expect(pending).toHaveLength(1);
    pending[0].resolve(1);
    expect(await first).toBe(1);
    await Promise.resolve();
    expect(pending).toHaveLength(2);
    pending[1].resolve(2);
    expect([await second, await third]).toEqual([2, 2]);
  });

  it('never gives a caller a read that was sent before it called', async () => {
    const { read, pending } = controlledRead();
    const first = read.read();
    pending[0].resolve(1);
    await first;
    const later = read.read();
    expect(pending).toHaveLength(2);
    pending[1].resolve(2);
    expect(await later).toBe(2);
  });

  it('sends the queued read after a failed one, and the failure reaches only its own callers', async () => {
    const { read, pending } = controlledRead();
    const failing = read.read();
    const queued = read.read();
    pending[0].reject(new Error('database gone'));
    await expect(failing).rejects.toThrow('database gone');
    await new Promise((resolve) => setImmediate(resolve));
    pending[1].resolve(3);
    expect(await queued).toBe(3);
  });
});
