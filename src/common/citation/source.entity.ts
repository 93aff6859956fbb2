import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { FuzzyDate, fuzzyDateTransformer } from '../fuzzy-date/fuzzy-date';
import { Node } from '../node/node.interface';
import { NodeEntity } from '../node/node.entity';

@Entity('source')
@ObjectType({ simpleResolvers: true, implements: Node, description: 'A document that facts are taken from, kept verbatim.' })
export class Source extends NodeEntity {
  get nodeType() {
    return 'Source';
  }

  @Field({ description: 'Stable key of the document, e.g. `2020-02-06-huawei-verizon`.' })
  @Column({ unique: true })
  slug: string;

  @Field()
  @Column()
  title: string;

  @Field()
  @Column()
  publisher: string;

  @Field(() => FuzzyDate)
  @Column('varchar', { length: 24, transformer: fuzzyDateTransformer })
  publishedOn: FuzzyDate;

  @Field(() => String, { nullable: true })
  @Column('varchar', { nullable: true })
  url: string | null;

  @Field({ description: 'The full text, in which every citation quote occurs verbatim.' })
  @Column('text')
  text: string;

  /** sha256 of the imported document, so re-importing an unchanged one is a no-op. */
  @Column('varchar', { length: 64 })
  contentHash: string;
}
