import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { Cited } from '../../common/citation/cited.interface';
import { Node } from '../../common/node/node.interface';
import { NodeEntity } from '../../common/node/node.entity';
import { PartyEntity } from '../party/party.entity';
import { Ranking } from './ranking.entity';

@Entity('ranking_entry')
@Unique(['rankingId', 'partyId'])
@ObjectType({ simpleResolvers: true, implements: [Node, Cited], description: 'A party’s place in a ranking.' })
export class RankingEntry extends NodeEntity {
  get nodeType() {
    return 'RankingEntry';
  }

  @Column()
  rankingId: number;

  @ManyToOne(() => Ranking, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ranking_id' })
  rankingRow?: Ranking;

  @Index()
  @Column()
  partyId: number;

  @ManyToOne(() => PartyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'party_id' })
  party?: PartyEntity;

  @Field(() => Int, { nullable: true, description: 'Position, when the source gives one.' })
  @Column('integer', { nullable: true })
  position: number | null;
}
