import { Field, ObjectType } from 'type-graphql';
import { Cited } from '../../common/citation/cited.interface';

/** A family tie seen from one person: `relation` reads "<this person> is <relation> <person>". */
@ObjectType({ simpleResolvers: true, implements: Cited, description: 'A family tie, read from the person whose `relatives` list holds it.' })
export class Kinship {
  readonly nodeType = 'Kinship';

  /** Key of the KinshipRecord (its citations are stored under subject type Kinship). */
  id: number;

  @Field({ description: 'e.g. "eldest daughter of": this person is the eldest daughter of `person`.' })
  relation: string;

  /** The other person's id; `person` resolves it. */
  relativeId: number;

  constructor(id: number, relation: string, relativeId: number) {
    this.id = id;
    this.relation = relation;
    this.relativeId = relativeId;
  }
}
