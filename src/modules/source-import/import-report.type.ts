import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Rows written to one table.' })
export class TableCount {
  @Field()
  table: string;

  @Field(() => Int)
  rows: number;
}

@ObjectType({ description: 'What loading a source document did.' })
export class ImportReport {
  @Field({ description: 'Slug of the source.' })
  source: string;

  @Field({ description: '`created`, `updated` or `unchanged` (loading the same document again changes nothing).' })
  status: string;

  @Field(() => [TableCount], { description: 'Rows inserted or changed, by table.' })
  written: TableCount[];
}
