import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { MAX_PAGE_SIZE } from '../../common/pagination/connection.args';
import { PartyRole } from './lawsuit.enums';

@ArgsType()
export class PartyLawsuitsArgs {
  @Field(() => PartyRole, { nullable: true, description: 'Only cases where the party is on this side.' })
  role?: PartyRole | null;

  @Field(() => Int, { nullable: true, description: `At most this many cases (1–${MAX_PAGE_SIZE}); all when omitted.` })
  @IsOptional()
  @Min(1, { message: `first must be between 1 and ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `first must be between 1 and ${MAX_PAGE_SIZE}` })
  first?: number | null;
}
