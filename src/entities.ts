import { ApiKey } from './modules/api-key/api-key.entity';
import { Role } from './modules/api-key/role.enum';
import { AuditEntry } from './modules/audit/audit-entry.entity';
import { Authority } from './modules/authority/authority.entity';
import { Company } from './modules/company/company.entity';
import { Event } from './modules/event/event.entity';
import { EventParticipant } from './modules/event/event-participant.entity';
import { LawsuitParty } from './modules/lawsuit/lawsuit-party.entity';
import { Lawsuit } from './modules/lawsuit/lawsuit.entity';
import { LicensingNegotiation } from './modules/negotiation/licensing-negotiation.entity';
import { NegotiationParty } from './modules/negotiation/negotiation-party.entity';
import { Characterization } from './modules/party/characterization.entity';
import { PartyEntity } from './modules/party/party.entity';
import { PatentStat } from './modules/patent-stat/patent-stat.entity';
import { Affiliation } from './modules/person/affiliation.entity';
import { KinshipRecord } from './modules/person/kinship.entity';
import { Person } from './modules/person/person.entity';
import { RankingEntry } from './modules/ranking/ranking-entry.entity';
import { Ranking } from './modules/ranking/ranking.entity';
import { RegulatoryAction } from './modules/regulatory-action/regulatory-action.entity';
import { Sanction } from './modules/sanction/sanction.entity';
import { Statement } from './modules/statement/statement.entity';
import { Citation } from './modules/source/citation.entity';
import { Source } from './modules/source/source.entity';

/** Every TypeORM entity, for the DataSource. */
export const entities = [
  PartyEntity,
  Company,
  Person,
  Authority,
  Characterization,
  Affiliation,
  KinshipRecord,
  Lawsuit,
  LawsuitParty,
  Sanction,
  RegulatoryAction,
  LicensingNegotiation,
  NegotiationParty,
  PatentStat,
  Ranking,
  RankingEntry,
  Statement,
  Event,
  EventParticipant,
  Source,
  Citation,
  ApiKey,
  AuditEntry,
];

/** Node types that `node(id)` can load, by GraphQL type name. */
export const nodeEntities = {
  Company,
  Person,
  Authority,
  Characterization,
  Affiliation,
  Lawsuit,
  Sanction,
  RegulatoryAction,
  LicensingNegotiation,
  PatentStat,
  Ranking,
  RankingEntry,
  Statement,
  Event,
  Source,
  Citation,
  ApiKey,
  AuditEntry,
} as const;
export type NodeTypeName = keyof typeof nodeEntities;

/** Node types that only some roles may load through `node(id)`. */
export const restrictedNodeTypes: Partial<Record<NodeTypeName, Role>> = {
  ApiKey: Role.ADMIN,
  AuditEntry: Role.ADMIN,
};
