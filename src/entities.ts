import type { EntityClass } from './common/facts/fact-type';
import { factEntities, factNodeEntities } from './facts';
import { ApiKey } from './modules/api-key/api-key.entity';
import { Role } from './common/role.enum';
import { AuditEntry } from './modules/audit/audit-entry.entity';
import { ChangeEvent } from './modules/change/change-event.entity';
import { ChangeDispute, ChangeParty } from './modules/change/change-touch.entity';
import { Authority } from './modules/authority/authority.entity';
import { Company } from './modules/company/company.entity';
import { PartyEntity } from './modules/party/party.entity';
import { Person } from './modules/person/person.entity';
import { Citation } from './common/citation/citation.entity';
import { FactAttribution } from './modules/attribution/fact-attribution.entity';
import { FieldStatement } from './common/citation/field-statement.entity';
import { Source } from './common/citation/source.entity';
import { Draft, DraftItem, DraftMention } from './modules/draft/draft.entity';
import { FormerIdentifier } from './common/identity/former-identifier.entity';
import { PartyDecision } from './modules/identity/party-decision.entity';
import { Webhook, WebhookDelivery } from './modules/webhook/webhook.entity';

/** Every TypeORM entity, for the DataSource: parties, the facts (src/facts.ts), sources, keys and the audit log. */
export const entities: EntityClass[] = [
  PartyEntity,
  Company,
  Person,
  Authority,
  ...factEntities,
  Source,
  Citation,
  FactAttribution,
  FieldStatement,
  ApiKey,
  AuditEntry,
  Draft,
  DraftItem,
  DraftMention,
  FormerIdentifier,
  PartyDecision,
  ChangeEvent,
  ChangeParty,
  ChangeDispute,
  Webhook,
  WebhookDelivery,
];

/** Node types that `node(id)` can load, by GraphQL type name. */
export const nodeEntities: Readonly<Record<string, EntityClass>> = {
  Company,
  Person,
  Authority,
  ...factNodeEntities,
  Source,
  Citation,
  ApiKey,
  AuditEntry,
  PartyDecision,
  Webhook,
  WebhookDelivery,
};
export type NodeTypeName = string;

/** Node types that only some roles may load through `node(id)`. */
export const restrictedNodeTypes: Partial<Record<NodeTypeName, Role>> = {
  ApiKey: Role.ADMIN,
  AuditEntry: Role.ADMIN,
  Webhook: Role.ADMIN,
  WebhookDelivery: Role.ADMIN,
};
