import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Cited } from '../../common/citation/cited.interface';
import { FuzzyDate, FuzzyDateColumn } from '../../common/fuzzy-date/fuzzy-date';
import { Node } from '../../common/node/node.interface';
import { NodeEntity } from '../../common/node/node.entity';
import { PartyEntity } from '../party/party.entity';

@Entity('statement')
@ObjectType({ simpleResolvers: true, implements: [Node, Cited], description: 'Something a party said, as a source reports it.' })
export class Statement extends NodeEntity {
  get nodeType() {
    return 'Statement';
  }

  @Field()
  @Column({ unique: true })
  slug: string;

  @Index()
  @Column()
  speakerId: number;

  @ManyToOne(() => PartyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'speaker_id' })
  speaker?: PartyEntity;

  @Field({ description: 'What was said, in the report’s words (the citations hold the exact quote).' })
  @Column('text')
  text: string;

  @Field(() => FuzzyDate, { nullable: true })
  @Index()
  @FuzzyDateColumn()
  date: FuzzyDate | null;
}
