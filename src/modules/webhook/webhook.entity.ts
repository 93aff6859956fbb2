import { Authorized, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Node } from '../../common/node/node.interface';
import { NodeEntity } from '../../common/node/node.entity';
import { Role } from '../../common/role.enum';

export enum WebhookStatus {
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}
registerEnumType(WebhookStatus, {
  name: 'WebhookStatus',
  valuesConfig: {
    ACTIVE: { description: 'Changes are delivered to it.' },
    DISABLED: { description: 'It failed too many times in a row (WEBHOOK_DISABLE_AFTER); nothing more is sent. `disabledReason` says why.' },
  },
});

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  valuesConfig: {
    PENDING: { description: 'Not yet accepted: waiting for its next attempt (`nextAttemptAt`).' },
    DELIVERED: { description: 'The receiver answered 2xx.' },
    FAILED: { description: 'Given up: every attempt failed (WEBHOOK_MAX_ATTEMPTS), or its webhook was disabled.' },
  },
});

/** Which changes a webhook is sent: each list, when not empty, must be met (a change touching one of the parties, of one of the kinds…). */
@ObjectType({ simpleResolvers: true, description: 'Which changes a webhook is sent; an empty list does not narrow.' })
export class WebhookFilter {
  @Field(() => [String], { description: 'Slugs of parties: only changes touching one of them.' })
  parties: string[];

  @Field(() => [String], { description: 'Slugs of disputes: only changes touching one of them.' })
  disputes: string[];

  @Field(() => [String], { description: 'Change kinds (`STATEMENT_ADDED`, `CREATED`…): only these.' })
  kinds: string[];

  @Field(() => [String], { description: 'Subject types (`Lawsuit`, `Company`…): only changes of these.' })
  types: string[];
}

/**
 * An endpoint that is POSTed the store's changes (admins). Its `changeCursor` is the last change it has
 * been handed: the worker turns the changes after it into deliveries, in the same transaction that
 * advances it, so a restart loses none.
 */
@Entity('webhook')
@ObjectType({ implements: Node, description: 'An endpoint the store POSTs its changes to, signed (admins only).' })
export class Webhook extends NodeEntity {
  get nodeType() {
    return 'Webhook';
  }

  @Authorized(Role.ADMIN)
  @Field()
  @Column('varchar', { length: 2048 })
  url: string;

  @Authorized(Role.ADMIN)
  @Field(() => WebhookFilter)
  @Column('simple-json')
  filter: WebhookFilter;

  /** The HMAC key of its signatures; shown once, at creation. */
  @Column('varchar', { length: 100 })
  secret: string;

  @Authorized(Role.ADMIN)
  @Field(() => WebhookStatus)
  @Column('varchar', { length: 16 })
  status: WebhookStatus;

  @Authorized(Role.ADMIN)
  @Field(() => String, { nullable: true, description: 'Why it was disabled.' })
  @Column('text', { nullable: true })
  disabledReason: string | null;

  @Authorized(Role.ADMIN)
  @Field(() => Int, { description: 'Attempts failed in a row, over all its deliveries (0 after any success).' })
  @Column('integer')
  consecutiveFailures: number;

  /** The id of the last change it has been handed (0: none yet). */
  @Column('integer')
  changeCursor: number;

  @Authorized(Role.ADMIN)
  @Field({ description: 'ISO 8601 timestamp.' })
  @Column('varchar', { length: 24 })
  createdAt: string;

  @Authorized(Role.ADMIN)
  @Field({ description: 'Who created it (the API key holder).' })
  @Column('varchar', { length: 100 })
  createdBy: string;
}

/**
 * One POST of a batch of changes to a webhook, with its attempts: retried with the same
 * Idempotency-Key until the receiver answers 2xx or the attempts run out.
 */
@Entity('webhook_delivery')
@Index(['webhookId', 'status', 'id'])
@Index(['status', 'nextAttemptAt'])
@ObjectType({ implements: Node, description: 'One delivery of changes to a webhook and its attempts (admins only).' })
export class WebhookDelivery extends NodeEntity {
  get nodeType() {
    return 'WebhookDelivery';
  }

  @Column('integer')
  webhookId: number;

  @ManyToOne(() => Webhook, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id' })
  webhook?: Webhook;

  @Authorized(Role.ADMIN)
  @Field({ description: 'Sent as the `Idempotency-Key` header, the same on every attempt.' })
  @Index({ unique: true })
  @Column('varchar', { length: 64 })
  idempotencyKey: string;

  @Authorized(Role.ADMIN)
  @Field(() => WebhookDeliveryStatus)
  @Column('varchar', { length: 16 })
  status: WebhookDeliveryStatus;

  @Authorized(Role.ADMIN)
  @Field(() => Int, { description: 'Attempts made so far.' })
  @Column('integer')
  attempts: number;

  @Authorized(Role.ADMIN)
  @Field(() => Int, { description: 'Changes it carries.' })
  @Column('integer')
  changeCount: number;

  /** The JSON body POSTed (the same on every attempt). */
  @Column('text')
  payload: string;

  @Authorized(Role.ADMIN)
  @Field({ description: 'ISO 8601 timestamp.' })
  @Column('varchar', { length: 24 })
  createdAt: string;

  @Authorized(Role.ADMIN)
  @Field(() => String, { nullable: true, description: 'When it is tried next (PENDING only).' })
  @Column('varchar', { length: 24, nullable: true })
  nextAttemptAt: string | null;

  /** An attempt in progress holds it until then; after a crash it is tried again from that time. */
  @Column('varchar', { length: 24, nullable: true })
  lockedUntil: string | null;

  @Authorized(Role.ADMIN)
  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 24, nullable: true })
  lastAttemptAt: string | null;

  @Authorized(Role.ADMIN)
  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 24, nullable: true })
  deliveredAt: string | null;

  @Authorized(Role.ADMIN)
  @Field(() => String, {
    nullable: true,
    description: 'What went wrong at the last failed attempt (an HTTP status and the start of the answer, a refused address, a timeout).',
  })
  @Column('text', { nullable: true })
  lastError: string | null;

  @Authorized(Role.ADMIN)
  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status at the last attempt." })
  @Column('integer', { nullable: true })
  responseStatus: number | null;
}
