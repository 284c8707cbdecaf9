import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { StaticAssets } from '../src/assets';

/** The web app's files as the gateway serves them: from memory, but never remembering a file that was not there. */
let dir: string;
let server: http.Server;
let base: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samsyn-assets-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Samsyn</title>');
  fs.writeFileSync(path.join(os.tmpdir(), 'outside.js'), 'secret()');
  const assets = new StaticAssets(dir);
  server = http.createServer((req, res) => {
    if (!assets.send(req, res, decodeURIComponent(new URL(req.url!, 'http://x').pathname.slice(1)))) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

it('serves a file built after the first request for it missed (a miss is not remembered)', async () => {
  expect((await fetch(`${base}/app.js`)).status).toBe(404);
  fs.writeFileSync(path.join(dir, 'app.js'), 'console.log("byggd")');
  const built = await fetch(`${base}/app.js`);
  expect(built.status).toBe(200);
  expect(built.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(await built.text()).toBe('console.log("byggd")');
});

it('answers 304 to a revalidation with the same ETag, and serves nothing outside the folder', async () => {
  const first = await fetch(`${base}/index.html`);
  const etag = first.headers.get('etag')!;
  expect((await fetch(`${base}/index.html`, { headers: { 'if-none-match': etag } })).status).toBe(304);
  expect((await fetch(`${base}/..%2Foutside.js`)).status).toBe(404);
});
