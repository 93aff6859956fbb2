import { Field, ObjectType } from 'type-graphql';
import { ChildEntity, Column } from 'typeorm';
import { Cited } from '../../common/citation/cited.interface';
import { Node } from '../../common/node/node.interface';
import { PartyEntity, PartyType } from '../party/party.entity';

@ChildEntity(PartyType.COMPANY)
@ObjectType({ simpleResolvers: true, implements: [Node, Cited], description: 'A company: a party to disputes, a patent holder, an employer.' })
export class Company extends PartyEntity {
  get nodeType() {
    return 'Company';
  }

  @Field(() => String, { nullable: true, description: 'City of its headquarters.' })
  @Column('varchar', { nullable: true })
  headquarters: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code of its home country.' })
  @Column('varchar', { length: 2, nullable: true })
  country: string | null;
}
