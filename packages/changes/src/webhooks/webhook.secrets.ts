import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { BadInputError } from '@samsyn/core';

/** Standard Webhooks secrets: `whsec_` and the base64 of the key bytes. */
const PREFIX = 'whsec_';

export function generateSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64')}`;
}

/** Refuses a secret a receiver's Standard Webhooks library would not take, or one too short to be a secret. */
export function checkSecret(secret: string): void {
  const key = secret.startsWith(PREFIX) ? Buffer.from(secret.slice(PREFIX.length), 'base64') : Buffer.alloc(0);
  if (key.length < 24 || key.length > 64 || key.toString('base64') !== secret.slice(PREFIX.length)) {
    throw new BadInputError('secret must be whsec_ followed by the base64 of 24 to 64 random bytes; leave it out to get one.');
  }
}

/**
 * `webhook-signature` for one delivery: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` per secret,
 * space separated (during a rotation both the new and the previous secret sign).
 */
export function signatureHeader(secrets: readonly string[], id: string, timestamp: number, body: string): string {
  return secrets
    .map((secret) => {
      const key = Buffer.from(secret.slice(PREFIX.length), 'base64');
      return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
    })
    .join(' ');
}

/** Encrypts a secret for the database (AES-256-GCM): `iv.tag.ciphertext`, base64url each. */
export function seal(secret: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.');
}

export function unseal(sealed: string, key: Buffer): string {
  const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}
