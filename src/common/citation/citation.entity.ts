import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { Node } from '../node/node.interface';
import { NodeEntity } from '../node/node.entity';
import { Source } from './source.entity';

/** A verbatim quote of a source that states one fact (the subject: any cited object). */
@Entity('citation')
@Unique(['subjectType', 'subjectId', 'sourceId', 'quote'])
@Index(['subjectType', 'subjectId'])
// A Node, so client caches can normalise it: a narrower refetch of `citations` then updates the same objects.
@ObjectType({ simpleResolvers: true, implements: Node, description: 'Where a fact is stated: a source and the sentence, copied verbatim.' })
export class Citation extends NodeEntity {
  get nodeType() {
    return 'Citation';
  }

  @Column('varchar', { length: 32 })
  subjectType: string;

  @Column()
  subjectId: number;

  @Index()
  @Column()
  sourceId: number;

  @ManyToOne(() => Source, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: Source;

  @Field({ description: 'Copied verbatim from the source text.' })
  @Column('text')
  quote: string;

  @Field(() => Int, { description: 'Character offset of the quote in the source text.' })
  @Column()
  offset: number;
}
