import { ArgsType, Field, Int } from 'type-graphql';
import { InRange, intRange, rangeText } from '../../common/bounds';
import { IsSlug } from '../../common/validation';

export const MAX_NETWORK_DEPTH = 3;
export const DEFAULT_NETWORK_DEPTH = 2;
export const NETWORK_DEPTH = intRange('depth', 1, MAX_NETWORK_DEPTH);

@ArgsType()
export class ConflictNetworkArgs {
  @Field({ description: 'Slug of the party at the center.' })
  @IsSlug()
  center: string;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_NETWORK_DEPTH, description: `How many links out from the center, ${rangeText(NETWORK_DEPTH)}.` })
  @InRange(NETWORK_DEPTH)
  depth: number = DEFAULT_NETWORK_DEPTH;
}

@ArgsType()
export class ConflictPathArgs {
  @Field({ description: 'Slug of the party the path starts at.' })
  @IsSlug()
  from: string;

  @Field({ description: 'Slug of the party the path ends at.' })
  @IsSlug()
  to: string;
}
