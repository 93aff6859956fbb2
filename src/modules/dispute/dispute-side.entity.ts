import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { PartyLinkEntity } from '../party/party-link.entity';
import { Dispute } from './dispute.entity';
import { DisputeSideName } from './dispute.enums';

/** A party on one side of a dispute (`party` is resolved by DisputeResolver). */
@Entity('dispute_side')
@Unique(['disputeId', 'partyId'])
@ObjectType({ simpleResolvers: true, description: 'A party and the side of the dispute it is on.' })
export class DisputeSide extends PartyLinkEntity {
  @Column()
  disputeId: number;

  @ManyToOne(() => Dispute, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dispute_id' })
  dispute?: Dispute;

  @Field(() => DisputeSideName)
  @Column('varchar', { length: 1 })
  side: DisputeSideName;

  @Field(() => String, { nullable: true, description: 'What the side is, when the source says ("patent holder").' })
  @Column('varchar', { nullable: true })
  label: string | null;
}
