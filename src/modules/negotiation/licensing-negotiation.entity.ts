import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Cited } from '../../common/citation/cited.interface';
import { FuzzyDate, FuzzyDateColumn } from '../../common/fuzzy-date/fuzzy-date';
import { Node } from '../../common/node/node.interface';
import { NodeEntity } from '../../common/node/node.entity';
import { NegotiationStatus } from './negotiation-status.enum';

@Entity('licensing_negotiation')
@ObjectType({ simpleResolvers: true, implements: [Node, Cited], description: 'Talks about licensing intellectual property.' })
export class LicensingNegotiation extends NodeEntity {
  get nodeType() {
    return 'LicensingNegotiation';
  }

  @Field()
  @Column({ unique: true })
  slug: string;

  @Field({ description: 'What is being licensed.' })
  @Column()
  subject: string;

  @Field(() => NegotiationStatus)
  @Index()
  @Column('varchar', { length: 16 })
  status: NegotiationStatus;

  @Field(() => FuzzyDate, { nullable: true })
  @Index()
  @FuzzyDateColumn()
  started: FuzzyDate | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  summary: string | null;
}
