import { AS_OF_DESCRIPTION } from '../field-statement/as-of.args';
import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../../common/pagination/connection.args';
import { IsFuzzyDate, IsSlug } from '../../common/validation';

@ArgsType()
export class TimelineArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: AS_OF_DESCRIPTION })
  asOf?: string | null;

  @Field(() => String, { nullable: true, description: 'Only facts involving this party (slug); the whole graph when omitted.' })
  @IsSlug()
  party?: string | null;

  @Field(() => String, { nullable: true, description: 'From this date on (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.' })
  @IsFuzzyDate()
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive: `2019` includes all of 2019.' })
  @IsFuzzyDate()
  to?: string | null;
}
