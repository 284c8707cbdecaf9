import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { AdmissionRefused, Bulkhead, weighOperation } from '@samsyn/core';

const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../../schema/api.graphql'), 'utf8'));

function weigh(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  return weighOperation(
    schema,
    document,
    document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode,
    variables,
  );
}

describe('weighOperation', () => {
  it('classes profiles, comparisons and series as analytical, and document reads, acknowledgements and reports as operational', () => {
    expect(weigh('{ districts { code childServices { indicators(period: "2026-Q3") { value } } } }').workClass).toBe('analytical');
    expect(weigh('{ childServices { comparison(indicator: "CS-IA14", period: "2026-Q3") { entries { value } } } }').workClass).toBe(
      'analytical',
    );
    expect(
      weigh('{ childServices { series(indicator: "CS-IA14", district: "angered", from: "2025-Q1", to: "2026-Q3") { value } } }').workClass,
    ).toBe('analytical');
    expect(weigh('{ childServices { documents(kind: ROUTINE, first: 10) { edges { node { slug title } } } } }').workClass).toBe(
      'operational',
    );
    expect(
      weigh('mutation ($v: ID!) { childServices { acknowledge(versionId: $v, status: ACKNOWLEDGED) { status lagging } } }').workClass,
    ).toBe('operational');
    expect(weigh('{ districts { code name } }').workClass).toBe('operational');
  });

  it('finds analytical fields behind fragments and in a mutation’s answer', () => {
    expect(
      weigh('query { ...D } fragment D on Query { districts { ... on District { childServices { adoption { acknowledged } } } } }')
        .workClass,
    ).toBe('analytical');
    expect(
      weigh(
        'mutation ($v: ID!) { childServices { acknowledge(versionId: $v, status: ACKNOWLEDGED) { district { childServices { indicators(period: "2026-Q3") { value } } } } } }',
      ).workClass,
    ).toBe('analytical');
  });

  it('counts a page size given as a variable as it counts one written in the query', () => {
    const literal = weigh('{ childServices { documents(first: 400) { edges { node { slug title } } } } }');
    const variable = weigh('query ($n: Int!) { childServices { documents(first: $n) { edges { node { slug title } } } } }', { n: 400 });
    const small = weigh('query ($n: Int!) { childServices { documents(first: $n) { edges { node { slug title } } } } }', { n: 5 });
    expect(variable.cost).toBe(literal.cost);
    expect(small.cost).toBeLessThan(variable.cost / 10);
  });

  it('weighs the every-area dashboard at many times a routine read', () => {
    const areas = ['adultServices', 'childServices', 'disability', 'incomeSupport'];
    const dashboard = weigh(
      `{ districts { code name ${areas.map((area) => `${area} { adoption { acknowledged lagging { daysLagging } } indicators(period: "2026-Q3") { value position trend } }`).join(' ')} } }`,
    );
    const routines = weigh(
      `{ ${areas.map((area) => `${area} { documents(kind: ROUTINE, first: 10) { edges { node { slug title } } } }`).join(' ')} }`,
    );
    expect(dashboard.cost).toBeGreaterThan(5 * routines.cost);
  });
});

describe('Bulkhead', () => {
  it('refuses at once when the queue is full, and at the deadline when room does not come', async () => {
    const bulkhead = new Bulkhead({ capacity: 10, maxQueue: 1, queueTimeoutMs: 50 });
    const held = await bulkhead.acquire(100); // heavier than the whole capacity: takes all of it
    const waiting = bulkhead.acquire(1);
    await expect(bulkhead.acquire(1)).rejects.toEqual(new AdmissionRefused('queue_full'));
    await expect(waiting).rejects.toEqual(new AdmissionRefused('queue_timeout'));
    expect([bulkhead.inFlight, bulkhead.queueLength]).toEqual([1, 0]);
    held();
    held();
    expect(bulkhead.inFlight).toBe(0);
  });

  it('admits the waiting in order as room is given back', async () => {
    const bulkhead = new Bulkhead({ capacity: 3, maxQueue: 10, queueTimeoutMs: 60_000 });
    const first = await bulkhead.acquire(2);
    const admitted: string[] = [];
    const heavy = bulkhead.acquire(3).then((release) => (admitted.push('heavy'), release));
    const light = bulkhead.acquire(1).then((release) => (admitted.push('light'), release));
    expect(bulkhead.queueLength).toBe(2);
    first();
    (await heavy)();
    (await light)();
    expect(admitted).toEqual(['heavy', 'light']);
    expect([bulkhead.inFlight, bulkhead.queueLength]).toEqual([0, 0]);
  });
});
