import { lookup } from 'node:dns/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import type { NodeEnv } from '@samsyn/core';
import { loadChangesConfig, send, type ChangesConfig } from '@samsyn/changes';

/**
 * A delivery on the wire (webhook-targets.test.ts has the rules): a refused target is never connected to, a listed
 * one is; a receiver's slowness or size is not passed on to the dispatcher.
 */
function changesConfig(nodeEnv: NodeEnv, env: Record<string, string>): ChangesConfig {
  return loadChangesConfig({ WEBHOOK_SECRET_KEY: 'k'.repeat(40), ...env }, nodeEnv);
}
const production = (allowed = '') => changesConfig('production', { WEBHOOK_ALLOWED_HOSTS: allowed });
const development = changesConfig('test', { WEBHOOK_TIMEOUT_MS: '300' });
const SIGNED = { 'webhook-id': 'msg_test', 'webhook-timestamp': '0', 'webhook-signature': 'v1,x' };

/** A TCP listener on 127.0.0.1 that counts connections. */
async function listener() {
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An HTTP receiver on 127.0.0.1 that answers every request with `handle`. */
async function receiver(handle: http.RequestListener) {
  const server = http.createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('a delivery in production', () => {
  it('does not connect to a refused address, and connects to a listed one', async () => {
    const target = await listener();
    try {
      const refused = await send(`https://127.0.0.1:${target.port}/samsyn`, SIGNED, '{}', production());
      expect(refused.status).toBeUndefined();
      expect(refused.error).toMatch(/private or loopback/);
      expect(target.connections()).toBe(0);

      // Listed: the delivery goes out (and fails here only because this listener speaks no TLS).
      const allowed = await send(`https://127.0.0.1:${target.port}/samsyn`, SIGNED, '{}', production('127.0.0.1'));
      expect(allowed.error).not.toMatch(/private or loopback/);
      expect(target.connections()).toBe(1);
    } finally {
      await target.close();
    }
  });

  it('does not connect through a name other than localhost that resolves to loopback, unless the name is listed', async () => {
    // This machine's host name, where it resolves to 127.0.0.1 (containers, CI): a name the URL check cannot judge.
    const name = os.hostname().toLowerCase();
    const resolved = await lookup(name).catch(() => undefined);
    if (resolved?.address !== '127.0.0.1') return;
    const target = await listener();
    try {
      const outcome = await send(`https://${name}:${target.port}/samsyn`, SIGNED, '{}', production());
      expect(outcome.error).toMatch(/private or loopback/);
      expect(target.connections()).toBe(0);
      await send(`https://${name}:${target.port}/samsyn`, SIGNED, '{}', production(name));
      expect(target.connections()).toBe(1);
    } finally {
      await target.close();
    }
  });
});

describe('a delivery to a receiver that misbehaves', () => {
  it('gives up on an answer whose headers came but whose body never ends', async () => {
    const trickling = await receiver((_, response) => {
      response.writeHead(200);
      response.write('vänta');
    });
    try {
      const outcome = await send(`${trickling.url}/samsyn`, SIGNED, '{}', development);
      expect(outcome.error).toMatch(/no answer within 300 ms/);
    } finally {
      await trickling.close();
    }
  });

  it('stops reading an endless answer after 64 KiB instead of waiting for it or keeping it', async () => {
    let written = 0;
    const flooding = await receiver((_, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const more = () => {
        while (written < 16 * 1024 * 1024 && !response.destroyed) {
          written += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', more);
        }
        response.end();
      };
      more();
    });
    try {
      const outcome = await send(`${flooding.url}/samsyn`, SIGNED, '{}', development);
      expect(outcome).toMatchObject({ status: 200 });
      expect(outcome.error).toBeUndefined();
      expect(written).toBeLessThan(16 * 1024 * 1024);
    } finally {
      await flooding.close();
    }
  });
});
