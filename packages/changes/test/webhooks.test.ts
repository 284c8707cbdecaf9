import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { Webhook } from 'standardwebhooks';
import { inTransaction, swedishToday } from '@samsyn/core';
import type { SubgraphRuntime } from '@samsyn/runtime';
import { Area } from '@samsyn/area';
import { ChangeType, recordChange } from '@samsyn/changes';
import { buildDocument, startSupergraph, testConfig, tokenFor, type TestSupergraph } from '@samsyn/test-support';

/** Webhooks as a district system's receiver meets them: signed, in order, once, through outages. */
let graph: TestSupergraph;
let child: SubgraphRuntime;
let leader: string;
let angered: string;
let backa: string;
const today = swedishToday();
const FAST = { WEBHOOK_POLL_INTERVAL_MS: '50' };

beforeAll(async () => {
  graph = await startSupergraph({ only: ['child-services'], seed: false, subgraphEnv: FAST });
  child = graph.subgraphs['child-services']!;
  leader = await tokenFor({ sub: 'anna', name: 'Anna Exempel', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
  angered = await tokenFor({ sub: 'angered-system', roles: ['district-system'], district: 'angered' });
  backa = await tokenFor({ sub: 'backa-system', roles: ['district-system'], district: 'backa' });
});
afterAll(() => graph.close());
afterEach(async () => {
  await child.db.query(`UPDATE webhook_subscription SET status = 'UNSUBSCRIBED'`);
});

interface Delivery {
  headers: Record<string, string>;
  body: string;
  answered: number;
}
/** A receiver on this machine: records every delivery and answers what `answer` says (200 unless told). */
async function receiver(answer: (delivery: Omit<Delivery, 'answered'>) => number = () => 200) {
  const deliveries: Delivery[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
      const status = answer({ headers, body });
      deliveries.push({ headers, body, answered: status });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/samsyn`,
    port,
    deliveries,
    accepted: () => deliveries.filter((delivery) => delivery.answered < 300),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Waits for what a receiver should get. The feed (so delivery) waits for every older writing transaction on the
 * PostgreSQL server to end, and the other test worker shares the server: hence the generous limits.
 */
async function until<T>(what: string, check: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const SUBSCRIBE = `#graphql
  mutation Subscribe($url: String!, $types: [ChangeType!]!, $secret: String) {
    childServices { subscribeWebhook(url: $url, types: $types, secret: $secret) { secret subscription { id status districtCode } } }
  }`;
const SUBSCRIPTIONS = `#graphql
  query Subscriptions {
    childServices { webhookSubscriptions { id status nextAttemptAt failingSince attempts { eventId statusCode error nextAttemptAt } } }
  }`;
const UNSUBSCRIBE = `#graphql
  mutation Unsubscribe($id: ID!) { childServices { unsubscribeWebhook(id: $id) { id status } } }`;
const ROTATE = `#graphql
  mutation Rotate($id: ID!) { childServices { rotateWebhookSecret(id: $id, overlapHours: 1) { secret subscription { previousSecretUntil } } } }`;
const PUBLISH = `#graphql
  mutation Publish($versionId: ID!, $validFrom: Date!) { childServices { publish(versionId: $versionId, validFrom: $validFrom, expectedRevision: 1) { id } } }`;

type Registration = {
  childServices: { subscribeWebhook: { secret: string; subscription: { id: string; status: string; districtCode: string | null } } };
};
async function subscribe(url: string, token = angered, types = ['VERSION_PUBLISHED']) {
  const result = await graph.query<Registration>(SUBSCRIBE, { token, variables: { url, types } });
  expect(result.errors).toBeUndefined();
  return result.data!.childServices.subscribeWebhook;
}
let documents = 0;
async function publishNew(title: string): Promise<string> {
  const { versionId } = await buildDocument(child.db, { area: 'CHILD_SERVICES', slug: `rutin-${++documents}`, title, status: 'IN_REVIEW' });
  const result = await graph.query(PUBLISH, { token: leader, variables: { versionId, validFrom: today } });
  expect(result.errors).toBeUndefined();
  return versionId;
}

describe('webhooks', () => {
  it('delivers a published version within seconds, signed so that the Standard Webhooks library verifies it', async () => {
    const inbox = await receiver();
    try {
      const { secret, subscription } = await subscribe(inbox.url);
      expect(subscription).toMatchObject({ status: 'ACTIVE', districtCode: 'angered' });
      const versionId = await publishNew('Rutin för skyddsbedömning');

      const [delivery] = await until('the delivery', () => inbox.deliveries.length > 0 && inbox.deliveries, 20_000);
      const verified = new Webhook(secret).verify(delivery.body, delivery.headers) as { type: string; data: Record<string, unknown> };
      expect(verified).toMatchObject({
        type: 'VERSION_PUBLISHED',
        data: { area: 'CHILD_SERVICES', versionId, title: 'Rutin för skyddsbedömning' },
      });
      const [event] = await child.db.query<{ id: string }[]>(`SELECT id FROM change_event WHERE subject_ids[2] = $1`, [versionId]);
      expect(delivery.headers['webhook-id']).toBe(event.id);
      // A body changed on the way fails verification.
      expect(() => new Webhook(secret).verify(delivery.body.replace('skydds', 'risk'), delivery.headers)).toThrow();
      // The owner sees the successful try, and no next attempt waiting.
      type Listed = {
        childServices: { webhookSubscriptions: { id: string; nextAttemptAt: string | null; attempts: { statusCode: number }[] }[] };
      };
      let mine: Listed['childServices']['webhookSubscriptions'][number] | undefined;
      for (let tries = 0; tries < 100 && !mine?.attempts.length; tries++) {
        const listed = await graph.query<Listed>(SUBSCRIPTIONS, { token: angered });
        mine = listed.data!.childServices.webhookSubscriptions.find((candidate) => candidate.id === subscription.id);
        if (!mine?.attempts.length) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(mine).toMatchObject({ nextAttemptAt: null, attempts: [{ statusCode: 200 }] });
    } finally {
      await inbox.close();
    }
  });

  it('keeps three versions published while the receiver is down and then failing, and delivers them in order once it is back', async () => {
    // A port nobody listens on: connections are refused.
    const reserved = await receiver();
    await reserved.close();
    const { id } = (await subscribe(reserved.url)).subscription;
    const published = [await publishNew('Första'), await publishNew('Andra'), await publishNew('Tredje')];
    for (let tries = 0; tries < 200; tries++) {
      const [{ n }] = await child.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM webhook_attempt WHERE subscription_id = $1`, [
        id,
      ]);
      if (n >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const failing = await graph.query<{
      childServices: { webhookSubscriptions: { attempts: { error: string | null; nextAttemptAt: string | null }[] }[] };
    }>(SUBSCRIPTIONS, { token: angered });
    const attempts = failing.data!.childServices.webhookSubscriptions.find(() => true)!.attempts;
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts[0].error).toMatch(/ECONNREFUSED/);
    expect(attempts[0].nextAttemptAt).not.toBeNull();

    // Back on the same port, answering 500 three times before it accepts.
    let errors = 0;
    const server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const status = errors++ < 3 ? 500 : 200;
        received.push({ id: String(request.headers['webhook-id']), body, status });
        response.writeHead(status).end();
      });
    });
    const received: { id: string; body: string; status: number }[] = [];
    await new Promise<void>((resolve) => server.listen(reserved.port, '127.0.0.1', resolve));
    try {
      const accepted = await until(
        'all three accepted',
        () => {
          const ok = received.filter((delivery) => delivery.status === 200);
          return ok.length >= 3 && ok;
        },
        60_000,
      );
      const versions = accepted.map((delivery) => (JSON.parse(delivery.body) as { data: { versionId: string } }).data.versionId);
      expect(versions).toEqual(published);
      expect(new Set(accepted.map((delivery) => delivery.id)).size).toBe(3);
      // Every failed try was a retry of the first event, with the same webhook-id.
      expect(new Set(received.filter((delivery) => delivery.status === 500).map((delivery) => delivery.id))).toEqual(
        new Set([accepted[0].id]),
      );
      const [row] = await child.db.query<{ status: string; failing_since: Date | null }[]>(
        `SELECT status, failing_since FROM webhook_subscription WHERE id = $1`,
        [id],
      );
      expect(row).toEqual({ status: 'ACTIVE', failing_since: null });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 90_000);

  it('marks a subscription FAILING once an event has failed for the retry window, keeps the event waiting and still retries it', async () => {
    let answer = 503;
    const inbox = await receiver(() => answer);
    try {
      const { id } = (await subscribe(inbox.url)).subscription;
      await publishNew('Rutin som inte kommer fram');
      await until('the first failure', () => inbox.deliveries.length > 0, 20_000);
      // As if the first failure were a day and an hour ago (WEBHOOK_RETRY_HOURS is 24), and the next try due now.
      await child.db.query(
        `UPDATE webhook_subscription SET failing_since = now() - interval '25 hours', next_attempt_at = now() WHERE id = $1`,
        [id],
      );
      await until('the next failure', () => inbox.deliveries.length > 1, 20_000);
      const listed = async () =>
        (
          await graph.query<{ childServices: { webhookSubscriptions: { id: string; status: string; nextAttemptAt: string | null }[] } }>(
            SUBSCRIPTIONS,
            { token: angered },
          )
        ).data!.childServices.webhookSubscriptions.find((subscription) => subscription.id === id)!;
      for (let tries = 0; (await listed()).status !== 'FAILING' && tries < 100; tries++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await listed()).toMatchObject({ status: 'FAILING', nextAttemptAt: expect.any(String) });

      answer = 200;
      await child.db.query(`UPDATE webhook_subscription SET next_attempt_at = now() WHERE id = $1`, [id]);
      await until('the delivery', () => inbox.accepted().length > 0, 20_000);
      for (let tries = 0; (await listed()).status !== 'ACTIVE' && tries < 100; tries++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await listed()).status).toBe('ACTIVE');
      expect(new Set(inbox.deliveries.map((delivery) => delivery.headers['webhook-id'])).size).toBe(1);
    } finally {
      await inbox.close();
    }
  });

  it('unsubscribes a receiver that answers 410 Gone', async () => {
    const inbox = await receiver(() => 410);
    try {
      const { id } = (await subscribe(inbox.url)).subscription;
      await publishNew('Rutin som ingen vill ha');
      await until('the 410', () => inbox.deliveries.length > 0, 20_000);
      const status = async () =>
        (await child.db.query<{ status: string }[]>(`SELECT status FROM webhook_subscription WHERE id = $1`, [id]))[0].status;
      for (let tries = 0; (await status()) !== 'UNSUBSCRIBED' && tries < 100; tries++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await status()).toBe('UNSUBSCRIBED');
      await publishNew('Ännu en');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(inbox.deliveries).toHaveLength(1);
    } finally {
      await inbox.close();
    }
  });

  it('signs with both secrets while a rotated one overlaps, each verifying on its own', async () => {
    const inbox = await receiver();
    try {
      const { secret: before, subscription } = await subscribe(inbox.url);
      const rotated = await graph.query<{
        childServices: { rotateWebhookSecret: { secret: string; subscription: { previousSecretUntil: string | null } } };
      }>(ROTATE, { token: angered, variables: { id: subscription.id } });
      expect(rotated.errors).toBeUndefined();
      const { secret: after, subscription: now } = rotated.data!.childServices.rotateWebhookSecret;
      expect(after).not.toBe(before);
      expect(now.previousSecretUntil).not.toBeNull();
      await publishNew('Rutin efter bytt hemlighet');
      const [delivery] = await until('the delivery', () => inbox.deliveries.length > 0 && inbox.deliveries, 20_000);
      expect(delivery.headers['webhook-signature'].split(' ')).toHaveLength(2);
      expect(() => new Webhook(after).verify(delivery.body, delivery.headers)).not.toThrow();
      expect(() => new Webhook(before).verify(delivery.body, delivery.headers)).not.toThrow();
    } finally {
      await inbox.close();
    }
  });

  it('keeps secrets encrypted at rest and shows subscriptions and attempts only to their owner', async () => {
    const inbox = await receiver();
    try {
      const { secret, subscription } = await subscribe(inbox.url);
      const [row] = await child.db.query<Record<string, unknown>[]>(`SELECT * FROM webhook_subscription WHERE id = $1`, [subscription.id]);
      const stored = JSON.stringify(row);
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(secret.slice('whsec_'.length));

      const theirs = await graph.query<{ childServices: { webhookSubscriptions: { id: string }[] } }>(SUBSCRIPTIONS, { token: backa });
      expect(theirs.data!.childServices.webhookSubscriptions.map((s) => s.id)).not.toContain(subscription.id);
      expect(await graph.query(UNSUBSCRIBE, { token: backa, variables: { id: subscription.id } })).toHaveErrorCode('NOT_FOUND');
      const analyst = await tokenFor({ roles: ['analyst'] });
      expect(await graph.query(SUBSCRIBE, { token: analyst, variables: { url: inbox.url, types: ['VERSION_PUBLISHED'] } })).toHaveErrorCode(
        'FORBIDDEN',
      );
      expect(
        await graph.query(SUBSCRIBE, { token: angered, variables: { url: 'inte en adress', types: ['VERSION_PUBLISHED'] } }),
      ).toHaveErrorCode('BAD_USER_INPUT');
      expect(await graph.query(SUBSCRIBE, { token: angered, variables: { url: inbox.url, types: [], secret: null } })).toHaveErrorCode(
        'BAD_USER_INPUT',
      );
      expect(
        await graph.query(SUBSCRIBE, { token: angered, variables: { url: inbox.url, types: ['VERSION_PUBLISHED'], secret: 'hemligt' } }),
      ).toHaveErrorCode('BAD_USER_INPUT');

      const mine = await graph.query(UNSUBSCRIBE, { token: angered, variables: { id: subscription.id } });
      expect(mine.data).toEqual({ childServices: { unsubscribeWebhook: { id: subscription.id, status: 'UNSUBSCRIBED' } } });
    } finally {
      await inbox.close();
    }
  });

  it('delivers only changes committed after the subscription, also while a long transaction holds the feed back', async () => {
    const figures = (subject: string) =>
      inTransaction(child.db.manager, (tx) =>
        recordChange(tx, { type: ChangeType.FIGURES_REPORTED, area: Area.CHILD_SERVICES, subjectIds: [subject], payload: {} }),
      );
    // A writing transaction left open elsewhere on the server: the feed shows nothing committed after it began.
    const long = child.db.createQueryRunner();
    await long.startTransaction();
    await long.query(`SELECT pg_current_xact_id()`);
    const inbox = await receiver();
    try {
      await figures('före');
      await subscribe(inbox.url, angered, ['FIGURES_REPORTED']);
      await figures('efter');
      await long.rollbackTransaction();
      await until('a delivery', () => inbox.deliveries.length > 0, 20_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(
        inbox.deliveries.map((delivery) => (JSON.parse(delivery.body) as { data: { subjectIds: string[] } }).data.subjectIds[0]),
      ).toEqual(['efter']);
    } finally {
      if (!long.isReleased) await long.release();
      await inbox.close();
    }
  });

  it('shows and changes a subscription only for the system that registered it, not for another system of its district', async () => {
    const other = await tokenFor({ sub: 'angered-other-system', roles: ['district-system'], district: 'angered' });
    const { subscription } = await subscribe('http://127.0.0.1:9/samsyn');
    const listed = await graph.query<{ childServices: { webhookSubscriptions: { id: string }[] } }>(SUBSCRIPTIONS, { token: other });
    expect(listed.data!.childServices.webhookSubscriptions.map((s) => s.id)).not.toContain(subscription.id);
    expect(await graph.query(ROTATE, { token: other, variables: { id: subscription.id } })).toHaveErrorCode('NOT_FOUND');
    expect(await graph.query(UNSUBSCRIBE, { token: other, variables: { id: subscription.id } })).toHaveErrorCode('NOT_FOUND');
    const admin = await tokenFor({ sub: 'stadens-admin', roles: ['admin'] });
    const all = await graph.query<{ childServices: { webhookSubscriptions: { id: string }[] } }>(SUBSCRIPTIONS, { token: admin });
    expect(all.data!.childServices.webhookSubscriptions.map((s) => s.id)).toContain(subscription.id);
  });

  it('keeps no secret for a replay with the same Idempotency-Key: the replay says it was done, the secret is not shown again', async () => {
    const headers = { 'idempotency-key': `prenumeration-${Date.now()}` };
    const variables = { url: 'http://127.0.0.1:9/samsyn', types: ['VERSION_PUBLISHED'] };
    const first = await graph.query<Registration>(SUBSCRIBE, { token: angered, variables, headers });
    expect(first.errors).toBeUndefined();
    const { secret, subscription } = first.data!.childServices.subscribeWebhook;
    const replay = await graph.query<Registration>(SUBSCRIBE, { token: angered, variables, headers });
    expect(replay).toHaveErrorCode('CONFLICT');
    expect(JSON.stringify(replay)).not.toContain(secret.slice('whsec_'.length));
    const stored = await child.db.query<{ response: unknown }[]>(`SELECT response FROM idempotency_key`);
    expect(stored.filter((row) => JSON.stringify(row.response).includes(secret.slice('whsec_'.length)))).toEqual([]);
    // It was registered once.
    const [{ n }] = await child.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM webhook_subscription WHERE url = $1 AND id = $2`,
      [variables.url, subscription.id],
    );
    expect(n).toBe(1);
  });

  it('refuses more than ten live subscriptions per system and area, and a URL longer than 2,048 characters', async () => {
    const system = await tokenFor({ sub: 'angered-many-system', roles: ['district-system'], district: 'angered' });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        graph.query(SUBSCRIBE, { token: system, variables: { url: `http://127.0.0.1:9/samsyn/${n}`, types: ['VERSION_PUBLISHED'] } }),
      ),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(10);
    expect(results.filter((result) => result.errors).map((result) => result.errors![0].extensions?.code)).toEqual([
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
    ]);
    const long = `http://127.0.0.1:9/${'a'.repeat(2100)}`;
    expect(await graph.query(SUBSCRIBE, { token: angered, variables: { url: long, types: ['VERSION_PUBLISHED'] } })).toHaveErrorCode(
      'BAD_USER_INPUT',
    );
  });

  it("delivers a district system only the area's events and its own district's", async () => {
    const inbox = await receiver();
    try {
      await subscribe(inbox.url, angered, ['FIGURES_REPORTED']);
      await inTransaction(child.db.manager, async (tx) => {
        for (const district of ['backa', 'angered', null]) {
          await recordChange(tx, {
            type: ChangeType.FIGURES_REPORTED,
            area: Area.CHILD_SERVICES,
            subjectIds: [district ?? 'alla'],
            districtCode: district,
            payload: {},
          });
        }
      });
      await until('two deliveries', () => inbox.deliveries.length >= 2, 20_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(
        inbox.deliveries.map((delivery) => (JSON.parse(delivery.body) as { data: { subjectIds: string[] } }).data.subjectIds[0]),
      ).toEqual(['angered', 'alla']);
    } finally {
      await inbox.close();
    }
  });
});

describe('webhooks from two subgraph processes over one database', () => {
  const processes: ChildProcess[] = [];
  // The replicas stop as a deployment stops them, and the test waits until they have.
  afterAll(() =>
    Promise.all(
      processes.map(
        (replica) =>
          new Promise<void>((resolve) => {
            if (replica.exitCode !== null || replica.signalCode !== null) return resolve();
            replica.once('exit', () => resolve());
            replica.kill('SIGTERM');
          }),
      ),
    ),
  );

  it('delivers each event once, in order, whichever process claims it', async () => {
    const inbox = await receiver();
    try {
      await subscribe(inbox.url, angered, ['FIGURES_REPORTED']);
      const config = testConfig('child-services', graph.suffix);
      const entry = path.resolve(__dirname, '../../../subgraphs/child-services/dist/src/index.js');
      for (let replica = 0; replica < 2; replica++) {
        const port = await new Promise<number>((resolve) => {
          const probe = net.createServer().listen(0, '127.0.0.1', () => {
            const { port: free } = probe.address() as net.AddressInfo;
            probe.close(() => resolve(free));
          });
        });
        const replicaProcess = spawn(process.execPath, [entry], {
          env: {
            ...process.env,
            NODE_ENV: 'test',
            DATABASE_URL: config.databaseUrl,
            SAMSYN_SCHEMA_SUFFIX: graph.suffix,
            JWT_SECRET: 'x'.repeat(40),
            PORT: String(port),
            MIGRATE_ON_START: 'false',
            SEED_DEMO_DATA: 'false',
            WEBHOOK_POLL_INTERVAL_MS: '50',
          },
          stdio: ['ignore', 'ignore', 'inherit'],
        });
        processes.push(replicaProcess);
        const exited = new Promise<never>((_, reject) =>
          replicaProcess.once('exit', (code) => reject(new Error(`replica ${replica} exited with ${code}`))),
        );
        const ready = async () => {
          for (const started = Date.now(); Date.now() - started < 30_000; await new Promise((resolve) => setTimeout(resolve, 100))) {
            const answer = await fetch(`http://127.0.0.1:${port}/ready`).catch(() => undefined);
            if (answer?.ok) return;
          }
          throw new Error('replica did not start');
        };
        await Promise.race([ready(), exited]);
      }
      // Only the two replicas deliver from here: this process's dispatcher stops.
      await child.background.stop();
      // 200 events in 40 transactions, while the two replicas' dispatchers compete for them.
      for (let batch = 0; batch < 40; batch++) {
        await inTransaction(child.db.manager, async (tx) => {
          for (let n = batch * 5; n < batch * 5 + 5; n++) {
            await recordChange(tx, {
              type: ChangeType.FIGURES_REPORTED,
              area: Area.CHILD_SERVICES,
              subjectIds: [`rapport-${n}`],
              districtCode: null,
              payload: { n },
            });
          }
        });
      }
      await until('200 deliveries', () => inbox.deliveries.length >= 200, 60_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const order = inbox.deliveries.map((delivery) => (JSON.parse(delivery.body) as { data: { n: number } }).data.n);
      expect(order).toEqual(Array.from({ length: 200 }, (_, n) => n));
      expect(new Set(inbox.deliveries.map((delivery) => delivery.headers['webhook-id'])).size).toBe(200);
    } finally {
      await inbox.close();
    }
  }, 120_000);
});
