import { MaxLength } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../../common/pagination/connection.args';

@ArgsType()
export class ChangesArgs extends ConnectionArgs {
  @Field(() => String, {
    nullable: true,
    description:
      "Only changes after this cursor (a change's `cursor`, a page's `endCursor`, or the `next` of `/changes.ndjson`). Absent: from the first change.",
  })
  @MaxLength(64)
  since?: string | null;

  @Field(() => String, { nullable: true, description: 'Only changes that touch this party (by slug).' })
  @MaxLength(200)
  party?: string | null;

  @Field(() => String, { nullable: true, description: 'Only changes that touch this dispute (by slug).' })
  @MaxLength(200)
  dispute?: string | null;
}
