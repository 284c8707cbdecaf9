import http from 'node:http';
import https from 'node:https';
import { currentFetchBudget } from './response-size';

/** What the gateway reads of a subgraph's HTTP answer (the part of a fetch `Response` that `RemoteGraphQLDataSource` uses). */
export class SubgraphHttpResponse {
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    rawHeaders: http.IncomingHttpHeaders,
    private readonly body: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = {
      get: (name) => {
        const value = rawHeaders[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    };
  }

  async text(): Promise<string> {
    return this.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }
}

/**
 * Calls subgraphs over kept-alive connections (node's own http, no fetch streams or AbortSignal per
 * request), each call within `timeoutMs` from start to last byte.
 */
export class SubgraphHttpClient {
  private readonly agents = {
    'http:': new http.Agent({ keepAlive: true, scheduling: 'lifo' }),
    'https:': new https.Agent({ keepAlive: true, scheduling: 'lifo' }),
  };

  constructor(private readonly timeoutMs: number) {}

  post(url: string, headers: Record<string, string>, body: string): Promise<SubgraphHttpResponse> {
    return this.send('POST', url, { ...headers, 'content-length': String(Buffer.byteLength(body)) }, body);
  }

  get(url: string, timeoutMs = this.timeoutMs, headers: Record<string, string> = {}): Promise<SubgraphHttpResponse> {
    return this.send('GET', url, headers, undefined, timeoutMs);
  }

  private send(
    method: string,
    url: string,
    headers: Record<string, string>,
    body?: string,
    timeoutMs = this.timeoutMs,
  ): Promise<SubgraphHttpResponse> {
    const budget = currentFetchBudget();
    return new Promise((resolve, reject) => {
      const target = new URL(url);
      const agent = target.protocol === 'https:' ? this.agents['https:'] : this.agents['http:'];
      const request = (target.protocol === 'https:' ? https : http).request(target, { method, agent, headers }, (response) => {
        // A request's answers past its size limit are not read: refused on the length first, else on the bytes so far.
        const length = Number(response.headers['content-length'] ?? NaN);
        if (budget && !budget.take(Number.isFinite(length) ? length : 0)) return void request.destroy(budget.refused);
        // One buffer of the announced length, filled as the chunks come, rather than the chunks and their concatenation.
        let whole = Number.isFinite(length) ? Buffer.allocUnsafe(length) : undefined;
        const chunks: Buffer[] = [];
        let filled = 0;
        response.on('data', (chunk: Buffer) => {
          if (budget && !Number.isFinite(length) && !budget.take(chunk.length)) return void request.destroy(budget.refused);
          if (whole && filled + chunk.length > whole.length) {
            // More than announced: kept as chunks from here on.
            chunks.push(whole.subarray(0, filled));
            whole = undefined;
          }
          if (whole) chunk.copy(whole, filled);
          else chunks.push(chunk);
          filled += chunk.length;
        });
        response.on('error', fail);
        response.on('end', () => {
          clearTimeout(timer);
          stopCutting?.();
          const text = whole && filled === whole.length ? whole.toString('utf8') : Buffer.concat(chunks).toString('utf8');
          resolve(new SubgraphHttpResponse(url, response.statusCode ?? 0, response.statusMessage ?? '', response.headers, text));
        });
      });
      const timer = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      // Another fetch of the same request passed the limit: this one's answer is not wanted either.
      const stopCutting = budget?.onRefused((error) => request.destroy(error));
      function fail(error: Error) {
        clearTimeout(timer);
        stopCutting?.();
        reject(error);
      }
      request.on('error', fail);
      request.end(body);
    });
  }

  /** Closes the idle connections (a stopping gateway). */
  close(): void {
    for (const agent of Object.values(this.agents)) agent.destroy();
  }
}
