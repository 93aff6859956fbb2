import { Field, ObjectType } from 'type-graphql';
import { ChildEntity, Column } from 'typeorm';
import { Cited } from '../../common/citation/cited.interface';
import { Node } from '../../common/node/node.interface';
import { PartyEntity, PartyType } from '../party/party.entity';
import { AuthorityKind } from './authority-kind.enum';

@ChildEntity(PartyType.AUTHORITY)
@ObjectType({ simpleResolvers: true, implements: [Node, Cited], description: 'A regulator, government, agency or court.' })
export class Authority extends PartyEntity {
  get nodeType() {
    return 'Authority';
  }

  @Field(() => AuthorityKind)
  @Column('varchar', { name: 'authority_kind', length: 16, nullable: true })
  kind: AuthorityKind;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the country it acts for.' })
  @Column('varchar', { length: 8, nullable: true })
  jurisdiction: string | null;
}
