import { AS_OF_DESCRIPTION } from '../field-statement/as-of.args';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { InRange, intRange, rangeText } from '../../common/bounds';

export const DEFAULT_SEARCH_HITS = 10;
export const SEARCH_HITS = intRange('first', 1, 50);

@ArgsType()
export class SearchArgs {
  @Field(() => String, { nullable: true, description: AS_OF_DESCRIPTION })
  asOf?: string | null;

  @Field({ description: 'What to look for: every word must occur (as a word or the start of one), in any order.' })
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(200, { message: 'text must be at most 200 characters' })
  text: string;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_SEARCH_HITS, description: `At most this many hits, ${rangeText(SEARCH_HITS)}.` })
  @InRange(SEARCH_HITS)
  first: number = DEFAULT_SEARCH_HITS;
}
