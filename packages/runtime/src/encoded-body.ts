/*
 * Answers whose bytes were encoded elsewhere (the analytical lane's worker, lane.ts) are written as they are (http.ts),
 * never decoded and encoded again: their encoded bytes are kept beside the body that stands for them.
 */

/** The encoded bytes of an answer made elsewhere, by the body they encode: written as they are, never encoded again. */
export const encodedBodies = new WeakMap<object, Buffer>();

/** A complete answer's body from its encoded bytes: its text is decoded only if something reads it. */
export function completeBodyOf(bytes: Buffer): { kind: 'complete'; string: string } {
  let text: string | undefined;
  const body = {
    kind: 'complete' as const,
    get string(): string {
      return (text ??= bytes.toString('utf8'));
    },
  };
  encodedBodies.set(body, bytes);
  return body;
}
