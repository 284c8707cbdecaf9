import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Area } from '@samsyn/area';
import { ChangeType, recordChange } from '@samsyn/changes';
import { inTransaction, loadConfig, openDatabase, signToken } from '@samsyn/core';
import { subgraphDataSource } from '@samsyn/runtime';
import { ALL_SUBGRAPHS, type RunningSystem } from '@samsyn/scripts';

/** Milliseconds at rank q (0..1) of sorted values. */
const rank = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/**
 * (h) Webhook delivery to a receiver on this machine, through the running system as deployed: the lag from a
 * report's commit (its mutation answered) to the delivery's arrival, for reports one at a time, and the
 * delivery rate while ten district systems report at once.
 */
export async function benchWebhooks(system: RunningSystem, paced = 200, burst = 1000): Promise<void> {
  const arrivals: { at: number; bytes: number }[] = [];
  const receiver = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      arrivals.push({ at: performance.now(), bytes: body.length });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/samsyn`;
  const auth = { secret: system.env.JWT_SECRET, issuer: 'samsyn', audience: 'samsyn-api' };
  const call = async (query: string, variables: Record<string, unknown>, token: string) => {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    if (answer.errors) throw new Error(`webhook bench: ${JSON.stringify(answer.errors).slice(0, 300)}`);
    return answer.data!;
  };
  try {
    const admin = await signToken(auth, { sub: 'bench-admin', name: 'Bench', roles: ['admin'] });
    await call(
      `mutation ($url: String!) { childServices { subscribeWebhook(url: $url, types: [FIGURES_REPORTED]) { subscription { id } } } }`,
      { url },
      admin,
    );
    const { districts } = (await call('{ districts { code } }', {}, admin)) as { districts: { code: string }[] };
    const codes = districts.map((district) => district.code).filter((code) => !code.startsWith('skala-'));
    const tokens = await Promise.all(
      codes.map((code) => signToken(auth, { sub: `bench-${code}`, name: 'Bench', roles: ['district-system'], district: code })),
    );
    let serial = 0;
    const report = (k: number, n: number) =>
      call(
        'mutation ($input: [ObservationInput!]!) { childServices { reportObservations(input: $input) { received } } }',
        { input: [{ indicator: 'CS-IA14', district: codes[k], period: '2026-Q2', numerator: 10 + (n % 80), denominator: 1000 + n }] },
        tokens[k],
      ).then(() => performance.now());

    // Lag: one report at a time, each waited for, so that every delivery is matched to its commit.
    const lags: number[] = [];
    for (let i = 0; i < paced; i++) {
      const before = arrivals.length;
      const committed = await report(0, serial++);
      while (arrivals.length === before && performance.now() - committed < 30_000) await new Promise((resolve) => setTimeout(resolve, 2));
      if (arrivals.length > before) lags.push(arrivals[before].at - committed);
    }
    lags.sort((a, b) => a - b);

    // Rate: ten district systems report at once; deliveries are counted as they arrive.
    const start = arrivals.length;
    const began = performance.now();
    let next = 0;
    await Promise.all(
      tokens.map(async (_, k) => {
        while (next < burst) {
          next++;
          await report(k, serial++);
        }
      }),
    );
    const written = performance.now();
    while (arrivals.length - start < burst && performance.now() - written < 60_000) await new Promise((resolve) => setTimeout(resolve, 10));
    const delivered = arrivals.length - start;
    const last = arrivals.at(-1)?.at ?? written;
    console.log(
      `(h) webhooks: lag commit→delivery over ${lags.length} reports one at a time: p50 ${rank(lags, 0.5).toFixed(0)} ms, p99 ${rank(lags, 0.99).toFixed(0)} ms (poll interval ${system.env.WEBHOOK_POLL_INTERVAL_MS ?? 1000} ms)`,
    );
    console.log(
      `    ${burst} reports from ${tokens.length} district systems at once: written at ${((burst / (written - began)) * 1000).toFixed(0)}/s; ${delivered} delivered at ${((delivered / (last - began)) * 1000).toFixed(0)} events/s, the last ${(last - written).toFixed(0)} ms after the last commit`,
    );

    // Drain: the burst above is paced by the writes. Here the events are written straight to the outbox, 100 per
    // transaction, as fast as PostgreSQL takes them: the rate is the dispatcher's (one subscription: one at a time, in order).
    const db = subgraphDataSource(ALL_SUBGRAPHS['child-services'], loadConfig('child-services', { ...system.env, LOG_LEVEL: 'warn' }));
    await openDatabase(db, false);
    try {
      const drainStart = arrivals.length;
      const drainBegan = performance.now();
      for (let batch = 0; batch < burst / 100; batch++) {
        await inTransaction(db.manager, async (tx) => {
          for (let i = 0; i < 100; i++) {
            const n = serial++;
            await recordChange(tx, {
              type: ChangeType.FIGURES_REPORTED,
              area: Area.CHILD_SERVICES,
              subjectIds: [`bench-${n}`],
              districtCode: null,
              payload: { n },
            });
          }
        });
      }
      const drainWritten = performance.now();
      while (arrivals.length - drainStart < burst && performance.now() - drainWritten < 120_000)
        await new Promise((resolve) => setTimeout(resolve, 10));
      const drained = arrivals.length - drainStart;
      const drainLast = arrivals.at(-1)?.at ?? drainWritten;
      console.log(
        `    ${burst} events written to the outbox in ${(drainWritten - drainBegan).toFixed(0)} ms: ${drained} delivered at ${((drained / (drainLast - drainBegan)) * 1000).toFixed(0)} events/s to one subscription`,
      );
    } finally {
      await db.destroy();
    }
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
}
