import { Field, ObjectType } from 'type-graphql';
import { FieldStatement } from '../../common/citation/field-statement.entity';

@ObjectType({
  simpleResolvers: true,
  description: 'A field whose current, non-deprecated statements give different values (for a status: those of its latest publication date).',
})
export class FieldDisagreement {
  @Field()
  field: string;

  @Field(() => [String], { description: 'The values they give (JSON text), each once, in the order first published.' })
  values: string[];

  @Field(() => [FieldStatement], { description: 'The statements that disagree, oldest first.' })
  statements: FieldStatement[];
}
