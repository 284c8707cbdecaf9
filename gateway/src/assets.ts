import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

interface Asset {
  body: Buffer;
  gzip?: Buffer;
  type: string;
  etag: string;
}

/**
 * Files of a built folder served from memory: read on first request, gzipped once, revalidated by ETag.
 * Only files that exist under the folder can be named, so no path leaves it. Misses are not remembered: a name that
 * names no file costs a `stat` each time instead of memory that any client could grow.
 */
export class StaticAssets {
  private readonly cache = new Map<string, Asset>();

  constructor(readonly dir: string) {}

  /** Whether the folder has been built. */
  available(): boolean {
    return fs.existsSync(path.join(this.dir, 'index.html'));
  }

  private load(name: string): Asset | null {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const file = path.resolve(this.dir, name);
    const type = TYPES[path.extname(file)];
    if (type && file.startsWith(this.dir + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const body = fs.readFileSync(file);
      const asset: Asset = {
        body,
        gzip: body.length > 1024 ? gzipSync(body) : undefined,
        type,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      };
      this.cache.set(name, asset);
      return asset;
    }
    return null;
  }

  /** Answers with the named file; resolves false (nothing sent) when there is none. */
  send(req: IncomingMessage, res: ServerResponse, name: string, headers: Record<string, string> = {}): boolean {
    const asset = this.load(name);
    if (!asset) return false;
    // no-cache: the browser keeps the file but asks each time, so a new build is seen at once.
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('etag', asset.etag);
    res.setHeader('content-type', asset.type);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('vary', 'accept-encoding');
    for (const [header, value] of Object.entries(headers)) res.setHeader(header, value);
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304).end();
      return true;
    }
    const gzip = asset.gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    if (gzip) res.setHeader('content-encoding', 'gzip');
    const body = gzip ? asset.gzip! : asset.body;
    res.setHeader('content-length', body.length);
    res.writeHead(200).end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
}
