import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Cited } from '../../common/citation/cited.interface';
import { FuzzyDate, FuzzyDateColumn } from '../../common/fuzzy-date/fuzzy-date';
import { Node } from '../../common/node/node.interface';
import { NodeEntity } from '../../common/node/node.entity';
import { PartyEntity } from '../party/party.entity';

export enum AcquisitionStatus {
  ANNOUNCED = 'ANNOUNCED',
  COMPLETED = 'COMPLETED',
  BLOCKED = 'BLOCKED',
  ABANDONED = 'ABANDONED',
}
registerEnumType(AcquisitionStatus, { name: 'AcquisitionStatus', description: 'How far an acquisition got.' });

@Entity('acquisition')
@ObjectType({ simpleResolvers: true, implements: [Node, Cited], description: 'A party buying (a stake in) another.' })
export class Acquisition extends NodeEntity {
  get nodeType() {
    return 'Acquisition';
  }

  @Field()
  @Column({ unique: true })
  slug: string;

  @Index()
  @Column()
  buyerId: number;

  @ManyToOne(() => PartyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'buyer_id' })
  buyer?: PartyEntity;

  @Index()
  @Column()
  targetId: number;

  @ManyToOne(() => PartyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'target_id' })
  target?: PartyEntity;

  @Field(() => FuzzyDate, { nullable: true })
  @Index()
  @FuzzyDateColumn()
  announced: FuzzyDate | null;

  @Field(() => AcquisitionStatus)
  @Column('varchar', { length: 16 })
  status: AcquisitionStatus;
}
