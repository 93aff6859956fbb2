import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FuzzyDate } from '../../common/fuzzy-date/fuzzy-date';
import { Node } from '../../common/node/node.interface';
import { Citation } from '../../common/citation/citation.entity';
import { Party } from '../party/party.union';
import type { PartyEntity } from '../party/party.entity';
import { withDeclaredKinds } from '../../common/facts/fact-type';
import { factTypes } from '../../facts';

export enum ConflictEdgeKind {
  SUED = 'SUED',
  CHARGED = 'CHARGED',
  SANCTIONED = 'SANCTIONED',
  REGULATED = 'REGULATED',
  NEGOTIATED_WITH = 'NEGOTIATED_WITH',
  AFFILIATED_WITH = 'AFFILIATED_WITH',
  RELATED_TO = 'RELATED_TO',
  RANKED_WITH = 'RANKED_WITH',
}
/** Kinds a fact type brings with its edges (src/facts.ts): a new fact type adds none here. */
const declaredEdgeKinds = withDeclaredKinds(
  ConflictEdgeKind,
  factTypes.flatMap((fact) => (fact.edges ?? []).map((edge) => edge.declares)),
);
registerEnumType(ConflictEdgeKind, {
  name: 'ConflictEdgeKind',
  description: 'How two parties are linked.',
  valuesConfig: {
    SUED: { description: 'from (plaintiff) sued to (defendant).' },
    CHARGED: { description: 'from brought a criminal or extradition case against to.' },
    SANCTIONED: { description: 'from (authority) sanctioned to.' },
    REGULATED: { description: 'from (authority) took regulatory action against to.' },
    NEGOTIATED_WITH: { description: 'Both are parties to a licensing negotiation.' },
    AFFILIATED_WITH: { description: 'from (a person) holds a role at to.' },
    RELATED_TO: { description: 'from (a person) is a relative of to; the label says how.' },
    RANKED_WITH: { description: 'Both appear in the same ranking.' },
    ...declaredEdgeKinds,
  },
});

@ObjectType({ simpleResolvers: true, description: 'A party in a conflict network.' })
export class ConflictNode {
  @Field(() => ID, { description: "The party's global ID (as `Party.id`)." })
  id: string;

  @Field(() => Party)
  party: PartyEntity;

  @Field(() => Int, { description: 'Edges between it and the center (0 for the center).' })
  distance: number;
}

@ObjectType({ simpleResolvers: true, description: 'A link between two parties, from one fact.' })
export class ConflictEdge {
  @Field(() => ID, { description: 'The ConflictNode id the edge starts at (the active side: plaintiff, authority, person).' })
  from: string;

  @Field(() => ID)
  to: string;

  @Field(() => ConflictEdgeKind)
  kind: ConflictEdgeKind;

  @Field({ description: 'What the fact is called (case title, sanction, role, relation, ranking).' })
  label: string;

  @Field(() => FuzzyDate, { nullable: true, description: 'When the link began, when the source says.' })
  since: FuzzyDate | null;

  @Field(() => Node, { nullable: true, description: 'The fact the link comes from (null for a family tie, which has no node of its own).' })
  fact: Node | null;

  @Field(() => [Citation], { description: 'The quotes that state the fact.' })
  citations: Citation[];

  factType: string;
  factId: number;
  fromId: number;
  toId: number;
}

@ObjectType({ simpleResolvers: true, description: 'Parties and the links between them: what a graph drawing needs.' })
export class ConflictNetwork {
  @Field(() => [ConflictNode])
  nodes: ConflictNode[];

  @Field(() => [ConflictEdge])
  edges: ConflictEdge[];

  @Field({ description: 'True when the network reached its bound of parties (2,000) and the rest of it was left out.' })
  truncated: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A chain of links from one party to another: nodes in order, and the edge between each pair.' })
export class ConflictPath {
  @Field(() => [ConflictNode], { description: 'From the first party to the last, in order.' })
  nodes: ConflictNode[];

  @Field(() => [ConflictEdge], { description: 'edges[i] links nodes[i] and nodes[i + 1] (in either direction: see from/to).' })
  edges: ConflictEdge[];
}
