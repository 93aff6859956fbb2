import { ArgsType, Field, Int } from 'type-graphql';
import { InRange, intRange, rangeText } from '../bounds';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** A page's `first`: its one declaration (validation, description, check before execution, price). */
export const PAGE_SIZE = intRange('first', 1, MAX_PAGE_SIZE);

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, ${rangeText(PAGE_SIZE)}.` })
  @InRange(PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (an endCursor).' })
  after?: string | null;
}
