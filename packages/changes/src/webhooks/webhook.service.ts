import { BadInputError, ForbiddenError, inTransaction, isUuid, NotFoundError, policy, type Db, type Principal } from '@samsyn/core';
import { recordAudit } from '@samsyn/area';
import type { ChangesConfig } from '../changes.config';
import type { ChangeType } from '../change.types';
import { feedEnd } from '../feed/feed.service';
import { checkSecret, generateSecret, seal } from './webhook.secrets';
import { targetProblem } from './webhook.target';
import { WebhookAttempt, WebhookStatus, WebhookSubscription, type WebhookRegistration } from './webhook.types';

const ATTEMPTS_SHOWN = 20;
/** Live subscriptions one owner may hold in an area: every one costs the area's dispatchers a share of their time. */
export const MAX_SUBSCRIPTIONS = 10;
/** The longest receiver URL taken (it is stored, audited and listed). */
const MAX_URL_LENGTH = 2048;

interface SubscriptionRow {
  id: string;
  owner_id: string;
  url: string;
  types: ChangeType[];
  district_code: string | null;
  status: WebhookStatus;
  next_attempt_at: Date | null;
  failing_since: Date | null;
  previous_secret_until: Date | null;
  created_at: Date;
}

const SUBSCRIPTION_COLUMNS = `s.id, s.owner_id, s.url, s.types, s.district_code, s.status, s.failing_since, s.created_at,
  CASE WHEN s.previous_secret_until > now() THEN s.previous_secret_until END AS previous_secret_until,
  CASE WHEN s.status <> 'UNSUBSCRIBED' AND s.failed_attempts > 0 THEN s.next_attempt_at END AS next_attempt_at`;

/**
 * Webhook subscriptions of one area (the table owner). A district system subscribes for its own district and
 * sees and changes only the subscriptions it registered; an admin's get every event of the area and it sees all.
 */
export class WebhookService {
  constructor(
    private readonly db: Db,
    private readonly config: ChangesConfig,
  ) {}

  async subscribe(
    principal: Principal | null,
    input: { url: string; types: ChangeType[]; secret?: string | null },
  ): Promise<WebhookRegistration> {
    const caller = owner(principal);
    const key = this.key();
    const url = parseTarget(input.url, this.config);
    if (input.types.length === 0) throw new BadInputError('Name at least one type of change to deliver.');
    if (input.secret != null) checkSecret(input.secret);
    const secret = input.secret ?? generateSecret();
    return inTransaction(this.db, async (tx) => {
      // One owner's registrations take turns, so that the limit holds for concurrent ones too.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('webhook_subscription:' || $1))`, [caller.sub]);
      const [{ live }]: { live: number }[] = await tx.query(
        `SELECT count(*)::int AS live FROM webhook_subscription WHERE owner_id = $1 AND status <> 'UNSUBSCRIBED'`,
        [caller.sub],
      );
      if (live >= MAX_SUBSCRIPTIONS) {
        throw new BadInputError(`At most ${MAX_SUBSCRIPTIONS} webhook subscriptions per system and area; end one first.`, { live });
      }
      const start = await feedEnd(tx);
      const [{ id }]: { id: string }[] = await tx.query(
        `INSERT INTO webhook_subscription (owner_id, district_code, url, types, secret_sealed, delivered_tx, delivered_position, created_by)
         VALUES ($1, $2, $3, $4, $5, $6::xid8, $7, $8) RETURNING id`,
        [caller.sub, districtOf(caller), url, [...new Set(input.types)], seal(secret, key), start.tx, start.position, caller.sub],
      );
      await recordAudit(tx, caller, { action: 'subscribeWebhook', entity: 'webhook', entityId: id, after: { url, types: input.types } });
      return { subscription: await this.one(tx, id), secret };
    });
  }

  async unsubscribe(principal: Principal | null, id: string): Promise<WebhookSubscription> {
    const caller = owner(principal);
    return inTransaction(this.db, async (tx) => {
      await this.lockOwn(tx, caller, id);
      await tx.query(`UPDATE webhook_subscription SET status = 'UNSUBSCRIBED', lease_id = NULL, lease_until = NULL WHERE id = $1`, [id]);
      await recordAudit(tx, caller, { action: 'unsubscribeWebhook', entity: 'webhook', entityId: id });
      return this.one(tx, id);
    });
  }

  /** A new secret signs from now on; the previous one signs beside it for `overlapHours`, while receivers switch. */
  async rotateSecret(principal: Principal | null, id: string, overlapHours: number): Promise<WebhookRegistration> {
    const caller = owner(principal);
    const key = this.key();
    if (!Number.isInteger(overlapHours) || overlapHours < 0 || overlapHours > 168) {
      throw new BadInputError(`overlapHours must be 0..168, not ${overlapHours}.`, { overlapHours });
    }
    const secret = generateSecret();
    return inTransaction(this.db, async (tx) => {
      const current = await this.lockOwn(tx, caller, id);
      if (current.status === WebhookStatus.UNSUBSCRIBED) throw new BadInputError('The subscription has ended; register a new one.');
      await tx.query(
        `UPDATE webhook_subscription SET previous_secret_sealed = secret_sealed, secret_sealed = $2,
           previous_secret_until = now() + make_interval(hours => $3) WHERE id = $1`,
        [id, seal(secret, key), overlapHours],
      );
      await recordAudit(tx, caller, { action: 'rotateWebhookSecret', entity: 'webhook', entityId: id, after: { overlapHours } });
      return { subscription: await this.one(tx, id), secret };
    });
  }

  /** The caller's subscriptions (an admin's: all of the area), newest first, with their latest attempts. */
  async list(principal: Principal | null): Promise<WebhookSubscription[]> {
    const caller = owner(principal);
    const rows: SubscriptionRow[] = await this.db.query(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscription s
       WHERE $1::text IS NULL OR s.owner_id = $1 ORDER BY s.created_at DESC, s.id`,
      [ownerOf(caller)],
    );
    return this.withAttempts(this.db, rows);
  }

  private async one(db: Db, id: string): Promise<WebhookSubscription> {
    const rows: SubscriptionRow[] = await db.query(`SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscription s WHERE s.id = $1`, [id]);
    const [subscription] = await this.withAttempts(db, rows);
    return subscription;
  }

  private async lockOwn(tx: Db, caller: Principal, id: string): Promise<SubscriptionRow> {
    const rows: SubscriptionRow[] = isUuid(id)
      ? await tx.query(`SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscription s WHERE s.id = $1 FOR UPDATE`, [id])
      : [];
    const owner = ownerOf(caller);
    // Another system's subscription (of any district) is as unknown as a missing one: its existence is not told.
    if (!rows[0] || (owner !== null && rows[0].owner_id !== owner)) {
      throw new NotFoundError(`No webhook subscription ${id} of yours in this area.`, { id });
    }
    return rows[0];
  }

  private async withAttempts(db: Db, rows: SubscriptionRow[]): Promise<WebhookSubscription[]> {
    if (rows.length === 0) return [];
    const attempts: (WebhookAttempt & { subscriptionId: string })[] = await db.query(
      `SELECT a.subscription_id AS "subscriptionId", a.event_id AS "eventId", a.attempted_at AS "attemptedAt", a.status_code AS "statusCode",
         a.error, a.duration_ms AS "durationMs", a.next_attempt_at AS "nextAttemptAt"
       FROM unnest($1::uuid[]) AS s(id)
       CROSS JOIN LATERAL (SELECT * FROM webhook_attempt a WHERE a.subscription_id = s.id ORDER BY a.id DESC LIMIT ${ATTEMPTS_SHOWN}) a`,
      [rows.map((row) => row.id)],
    );
    return rows.map((row) =>
      Object.assign(new WebhookSubscription(), {
        id: row.id,
        url: row.url,
        types: row.types,
        districtCode: row.district_code,
        status: row.status,
        nextAttemptAt: row.next_attempt_at,
        failingSince: row.failing_since,
        previousSecretUntil: row.previous_secret_until,
        createdAt: row.created_at,
        attempts: attempts
          .filter((attempt) => attempt.subscriptionId === row.id)
          .map(({ eventId, attemptedAt, statusCode, error, durationMs, nextAttemptAt }) =>
            Object.assign(new WebhookAttempt(), { eventId, attemptedAt, statusCode, error, durationMs, nextAttemptAt }),
          ),
      }),
    );
  }

  private key(): Buffer {
    if (!this.config.webhookSecretKey) {
      throw new BadInputError('Webhooks are not enabled on this server: its operator has set no WEBHOOK_SECRET_KEY.');
    }
    return this.config.webhookSecretKey;
  }
}

/** Who may hold webhook subscriptions: district systems (for their district) and admins. */
function owner(principal: Principal | null): Principal {
  const caller = policy.requireAuthenticated(principal);
  if (caller.roles.includes('admin')) return caller;
  if (caller.roles.includes('district-system') && caller.district) return caller;
  throw new ForbiddenError('Only a district system (for its own district) or an admin may hold webhook subscriptions.');
}

/**
 * Whose subscriptions a caller sees and changes: a district system only those it registered itself (another
 * system of the same district could otherwise rotate its secret and sign deliveries to its receiver); an admin
 * all of the area (null).
 */
function ownerOf(caller: Principal): string | null {
  return caller.roles.includes('admin') ? null : caller.sub;
}

/** The district a caller's subscriptions belong to; null for an admin (the whole area). */
function districtOf(caller: Principal): string | null {
  return caller.roles.includes('admin') ? null : (caller.district ?? null);
}

function parseTarget(raw: string, config: ChangesConfig): string {
  if (raw.length > MAX_URL_LENGTH)
    throw new BadInputError(`The webhook URL is longer than ${MAX_URL_LENGTH} characters.`, { length: raw.length });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BadInputError(`url is not a URL: ${raw}`, { url: raw });
  }
  const problem = targetProblem(url, config);
  if (problem) throw new BadInputError(`The webhook URL is refused: ${problem}.`, { url: raw });
  return url.toString();
}
