import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Cited } from '../../common/citation/cited.interface';
import { FuzzyDate, FuzzyDateColumn } from '../../common/fuzzy-date/fuzzy-date';
import { Node } from '../../common/node/node.interface';
import { NodeEntity } from '../../common/node/node.entity';

@Entity('event')
@ObjectType({ simpleResolvers: true, implements: [Node, Cited], description: 'Something that happened: an arrest, a notice, a meeting.' })
export class Event extends NodeEntity {
  get nodeType() {
    return 'Event';
  }

  @Field()
  @Column({ unique: true })
  slug: string;

  @Field()
  @Column()
  title: string;

  @Field(() => FuzzyDate, { nullable: true })
  @Index()
  @FuzzyDateColumn()
  date: FuzzyDate | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { nullable: true })
  location: string | null;
}
