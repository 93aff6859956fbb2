import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { Cited } from '../../common/citation/cited.interface';
import { FuzzyDate, FuzzyDateColumn } from '../../common/fuzzy-date/fuzzy-date';
import { Node } from '../../common/node/node.interface';
import { NodeEntity } from '../../common/node/node.entity';
import { PartyEntity } from '../party/party.entity';

@Entity('affiliation')
@Unique(['personId', 'organizationId', 'role'])
@ObjectType({ simpleResolvers: true, implements: [Node, Cited], description: 'A person’s role at an organization.' })
export class Affiliation extends NodeEntity {
  get nodeType() {
    return 'Affiliation';
  }

  @Index()
  @Column()
  personId: number;

  @ManyToOne(() => PartyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  personRow?: PartyEntity;

  @Index()
  @Column()
  organizationId: number;

  @ManyToOne(() => PartyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organizationRow?: PartyEntity;

  @Field({ description: 'e.g. "Chief Financial Officer", "Founder".' })
  @Column()
  role: string;

  @Field(() => FuzzyDate, { nullable: true })
  @FuzzyDateColumn()
  since: FuzzyDate | null;
}
