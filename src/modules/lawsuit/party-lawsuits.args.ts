import { IsOptional } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { InRange, rangeText } from '../../common/bounds';
import { PAGE_SIZE } from '../../common/pagination/connection.args';
import { PartyRole } from './lawsuit.enums';

@ArgsType()
export class PartyLawsuitsArgs {
  @Field(() => PartyRole, { nullable: true, description: 'Only cases where the party is on this side.' })
  role?: PartyRole | null;

  @Field(() => Int, { nullable: true, description: `At most this many cases (${rangeText(PAGE_SIZE)}); all when omitted.` })
  @IsOptional()
  @InRange(PAGE_SIZE)
  first?: number | null;
}
