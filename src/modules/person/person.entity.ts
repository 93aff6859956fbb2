import { ObjectType } from 'type-graphql';
import { ChildEntity } from 'typeorm';
import { Cited } from '../../common/citation/cited.interface';
import { Node } from '../../common/node/node.interface';
import { PartyEntity, PartyType } from '../party/party.entity';

@ChildEntity(PartyType.PERSON)
@ObjectType({ simpleResolvers: true, implements: [Node, Cited], description: 'A person: an executive, a founder, a defendant.' })
export class Person extends PartyEntity {
  get nodeType() {
    return 'Person';
  }
}
