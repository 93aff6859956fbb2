import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { FuzzyDate } from '../../common/fuzzy-date/fuzzy-date';
import { Node } from '../../common/node/node.interface';
import { ConnectionType } from '../../common/pagination/connection.type';
import { Citation } from '../../common/citation/citation.entity';
import { Party } from '../party/party.union';
import { PRICES } from '../../common/prices';
import { withDeclaredKinds } from '../../common/facts/fact-type';
import { factTypes } from '../../facts';

export enum TimelineEntryKind {
  LAWSUIT_FILED = 'LAWSUIT_FILED',
  CHARGES_FILED = 'CHARGES_FILED',
  SANCTION_IMPOSED = 'SANCTION_IMPOSED',
  REGULATORY_ACTION = 'REGULATORY_ACTION',
  NEGOTIATION_STARTED = 'NEGOTIATION_STARTED',
  STATEMENT = 'STATEMENT',
  EVENT = 'EVENT',
}
/** Kinds a fact type brings with its timeline (src/facts.ts): a new fact type adds none here. */
const declaredEntryKinds = withDeclaredKinds(
  TimelineEntryKind,
  factTypes.map((fact) => fact.timeline?.declares),
);
registerEnumType(TimelineEntryKind, {
  name: 'TimelineEntryKind',
  description: 'What kind of dated fact a timeline entry is.',
  valuesConfig: {
    CHARGES_FILED: { description: 'A criminal or extradition case was brought.' },
    EVENT: { description: 'Something that happened: an arrest, a notice, a meeting.' },
    ...declaredEntryKinds,
  },
});

/** The type names of the facts a timeline holds, as `TimelineEntry.fact` resolves them. */
export type TimelineFactType = string;

@ObjectType({ simpleResolvers: true, description: 'One dated fact, in chronological order.' })
export class TimelineEntry {
  @Field(() => FuzzyDate, { description: 'As precise as the source; `approximate` and `bound` mark fuzzy dates.' })
  date: FuzzyDate;

  @Field(() => TimelineEntryKind)
  kind: TimelineEntryKind;

  @Field({ description: 'One line: the case title, the sanction or action, the statement, the event.' })
  title: string;

  @Field(() => Node, { description: 'The fact itself (a Lawsuit, Sanction, RegulatoryAction, LicensingNegotiation, Statement or Event).' })
  fact: Node;

  @Field(() => [Party], { description: 'Everyone the fact involves.' })
  participants: unknown[];

  @Field(() => [Citation])
  citations: Citation[];

  factType: TimelineFactType;
  factId: number;
  sortKey: string;
}

export const TimelineConnection = ConnectionType(TimelineEntry, 'TimelineEntry', { countPrice: PRICES.timelineCount });
