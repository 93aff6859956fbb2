import { Field, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Relay pagination state of a connection.' })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field({ description: 'True when this page was requested with `after`.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}
