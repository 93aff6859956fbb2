import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { Cited } from '../../common/citation/cited.interface';
import { FuzzyDate, FuzzyDateColumn } from '../../common/fuzzy-date/fuzzy-date';
import { Node } from '../../common/node/node.interface';
import { NodeEntity } from '../../common/node/node.entity';
import { PartyEntity } from '../party/party.entity';
import { CountQualifier, PatentScope } from './patent-stat.enums';

@Entity('patent_stat')
@Unique(['holderId', 'scope', 'asOf'])
@ObjectType({ simpleResolvers: true, implements: [Node, Cited], description: 'How many patents a company holds, as a source states it.' })
export class PatentStat extends NodeEntity {
  get nodeType() {
    return 'PatentStat';
  }

  @Index()
  @Column()
  holderId: number;

  @ManyToOne(() => PartyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'holder_id' })
  holder?: PartyEntity;

  @Field(() => PatentScope)
  @Column('varchar', { length: 16 })
  scope: PatentScope;

  @Field(() => Int)
  @Column()
  count: number;

  @Field(() => CountQualifier, { nullable: true })
  @Column('varchar', { length: 16, nullable: true })
  qualifier: CountQualifier | null;

  @Field(() => FuzzyDate, { nullable: true })
  @FuzzyDateColumn()
  asOf: FuzzyDate | null;
}
