import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Cited } from '../../common/citation/cited.interface';
import { FuzzyDate, FuzzyDateColumn } from '../../common/fuzzy-date/fuzzy-date';
import { Node } from '../../common/node/node.interface';
import { NodeEntity } from '../../common/node/node.entity';
import { CountedRows } from '../../common/database/counted-rows';
import { PartyEntity } from '../party/party.entity';
import { SanctionStatus } from './sanction-status.enum';

// An unfiltered connection of them counts in one lookup (row-counts.ts).
@CountedRows()
@Entity('sanction')
@ObjectType({ simpleResolvers: true, implements: [Node, Cited], description: 'A sanction an authority imposed on a party.' })
export class Sanction extends NodeEntity {
  get nodeType() {
    return 'Sanction';
  }

  @Field()
  @Column({ unique: true })
  slug: string;

  @Index()
  @Column()
  targetId: number;

  @ManyToOne(() => PartyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'target_id' })
  target?: PartyEntity;

  @Index()
  @Column()
  authorityId: number;

  @ManyToOne(() => PartyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'authority_id' })
  authority?: PartyEntity;

  @Field()
  @Column('text')
  description: string;

  @Field(() => FuzzyDate, { nullable: true })
  @Index()
  @FuzzyDateColumn()
  imposed: FuzzyDate | null;

  @Field(() => SanctionStatus)
  @Index()
  @Column('varchar', { length: 16 })
  status: SanctionStatus;
}
