import { AS_OF_DESCRIPTION } from '../field-statement/as-of.args';
import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../../common/pagination/connection.args';
import { IsSlug } from '../../common/validation';
import { DisputeKind } from './dispute.enums';

@ArgsType()
export class DisputesArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: AS_OF_DESCRIPTION })
  asOf?: string | null;

  @Field(() => String, { nullable: true, description: 'Only disputes this party (slug) is a side of.' })
  @IsSlug()
  party?: string | null;

  @Field(() => DisputeKind, { nullable: true })
  kind?: DisputeKind | null;
}

/** A dispute's own timeline: only the page arguments. */
@ArgsType()
export class DisputeTimelineArgs extends ConnectionArgs {}
