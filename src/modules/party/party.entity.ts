import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, TableInheritance } from 'typeorm';
import { NodeEntity } from '../../common/node/node.entity';

export enum PartyType {
  COMPANY = 'COMPANY',
  PERSON = 'PERSON',
  AUTHORITY = 'AUTHORITY',
}

/**
 * Companies, people and authorities share one `party` table (single-table inheritance), so
 * every "who" in a dispute is a real foreign key and slugs are unique across all of them.
 */
@Entity('party')
@ObjectType('PartyFields', { simpleResolvers: true, description: 'Fields shared by companies, people and authorities (not in the schema itself).' })
@TableInheritance({ column: { type: 'varchar', name: 'party_type', length: 16 } })
// Listing one kind of party in slug order (the connections) reads this index, no sort.
@Index('IDX_party_type_slug', ['party_type', 'slug'])
export abstract class PartyEntity extends NodeEntity {
  @Field({ description: 'Stable, human-readable key, unique across companies, people and authorities.' })
  @Column({ unique: true })
  slug: string;

  @Field()
  @Column()
  name: string;

  @Field(() => [String], { description: 'Other names the sources use.' })
  @Column('simple-json')
  aliases: string[];

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  description: string | null;
}
