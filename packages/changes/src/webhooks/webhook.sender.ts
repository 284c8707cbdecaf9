import http from 'node:http';
import https from 'node:https';
import type { ChangesConfig } from '../changes.config';
import { guardedLookup, targetProblem } from './webhook.target';

/** The most of a receiver's answer that is read; the rest is not (only the status counts). */
const MAX_ANSWER_BYTES = 64 * 1024;

export interface SendOutcome {
  /** The HTTP status, when the receiver answered. */
  status?: number;
  /** Why there was no usable answer: refused, timed out, or not a target a delivery may reach (a 3xx is a status, and a failure). */
  error?: string;
  durationMs: number;
}

/**
 * POSTs one delivery: within the time limit, reading at most 64 KiB of the answer, following no redirect
 * (a 3xx is a failure), and in production only to public addresses (see guardedLookup).
 */
export function send(
  target: string,
  headers: Record<string, string>,
  body: string,
  config: ChangesConfig,
  /** Aborts the call (the process is stopping): the outcome is then an error, and says nothing of the receiver. */
  signal?: AbortSignal,
): Promise<SendOutcome> {
  const started = performance.now();
  const done = (outcome: Omit<SendOutcome, 'durationMs'>): SendOutcome => ({
    ...outcome,
    durationMs: Math.round(performance.now() - started),
  });
  const url = new URL(target);
  const problem = targetProblem(url, config);
  if (problem) return Promise.resolve(done({ error: problem }));
  if (signal?.aborted) return Promise.resolve(done({ error: 'the dispatcher stopped' }));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<SendOutcome, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
      resolve(done(outcome));
    };
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Samsyn-Webhooks/1',
        },
        lookup: guardedLookup(config, url.hostname.toLowerCase()),
        agent: false,
      },
      (response) => {
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          // Only the status counts: past 64 KiB the rest is not read, and the status line already said whether the
          // receiver took the event (failing a 2xx for its size would resend it to a receiver that has it).
          if (read > MAX_ANSWER_BYTES) {
            finish({ status: response.statusCode });
            response.destroy();
          }
        });
        response.on('end', () => finish({ status: response.statusCode }));
        response.on('error', (error) => finish({ status: response.statusCode, error: error.message }));
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      finish({ error: `no answer within ${config.timeoutMs} ms` });
    }, config.timeoutMs);
    const stop = () => {
      request.destroy();
      finish({ error: 'the dispatcher stopped' });
    };
    signal?.addEventListener('abort', stop, { once: true });
    request.on('error', (error: NodeJS.ErrnoException) =>
      finish({ error: error.code ? `${error.code}: ${error.message}` : error.message }),
    );
    request.end(body);
  });
}
