import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Node } from '../../common/node/node.interface';
import { NodeEntity } from '../../common/node/node.entity';
import { PartyEntity } from '../party/party.entity';

export enum PartyDecisionKind {
  MERGED = 'MERGED',
  NOT_SAME = 'NOT_SAME',
}
registerEnumType(PartyDecisionKind, {
  name: 'PartyDecisionKind',
  description: 'MERGED: two records were one party (one absorbed the other); NOT_SAME: two parties are different, whatever their names suggest.',
});

/**
 * An editor's decision about whether two party records are one party, with who, when and why:
 * a merge (the absorbed party's slug, id and name are kept here; its record is gone), or "not
 * the same", which party linking consults so the pair is not suggested again.
 */
@Entity('party_decision')
@ObjectType({ implements: Node, description: 'An editor’s decision that two party records are one party (MERGED) or not (NOT_SAME): who, when, why.' })
export class PartyDecision extends NodeEntity {
  get nodeType() {
    return 'PartyDecision';
  }

  @Field(() => PartyDecisionKind)
  @Column('varchar', { length: 16 })
  kind: PartyDecisionKind;

  /** MERGED: the party kept; NOT_SAME: one of the two. Follows the party if it is merged in turn. */
  @Index()
  @Column('integer')
  partyId: number;

  @ManyToOne(() => PartyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'party_id' })
  party?: PartyEntity;

  /** NOT_SAME: the other party; null for MERGED (the absorbed record is gone). */
  @Index()
  @Column('integer', { nullable: true })
  otherPartyId: number | null;

  @ManyToOne(() => PartyEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'other_party_id' })
  otherParty?: PartyEntity | null;

  @Field(() => String, { nullable: true, description: 'MERGED: the slug the absorbed party had (it keeps resolving to the party kept).' })
  @Column('varchar', { nullable: true })
  absorbedSlug: string | null;

  @Field(() => String, { nullable: true, description: 'MERGED: the name the absorbed party had (now an alias of the party kept).' })
  @Column('varchar', { nullable: true })
  absorbedName: string | null;

  /** MERGED: the absorbed party's id (its global ID keeps resolving to the party kept). */
  @Column('integer', { nullable: true })
  absorbedId: number | null;

  @Field({ description: 'Why, in the editor’s words.' })
  @Column('text')
  reason: string;

  @Field({ description: 'Who decided: the API key holder, as the audit log names them.' })
  @Column('varchar', { length: 100 })
  decidedBy: string;

  @Field({ description: 'When (ISO 8601 instant).' })
  @Column('varchar', { length: 24 })
  decidedAt: string;
}
