import { GraphQLJSONObject } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ConnectionArgs } from '../../common/pagination/connection.args';
import { DraftStatus } from './draft.entity';

@ArgsType()
export class DraftsArgs extends ConnectionArgs {
  @Field(() => DraftStatus, { nullable: true, description: 'Only drafts in this status.' })
  status?: DraftStatus | null;
}

@InputType({ description: 'An editor’s correction of one item before it is accepted: its entry as it should be written, the disputes it joins.' })
export class DraftItemEdit {
  @Field({ description: 'The item’s key (`i3`); it must be among the accepted items.' })
  item: string;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'The whole entry, corrected: for a NEW item a source document entry, for an UPDATE the status update’s input. Null: as drafted.',
  })
  entry?: Record<string, unknown> | null;

  @Field(() => [String], {
    nullable: true,
    description: 'NEW: the slugs of the stored disputes it joins, replacing those proposed (`[]`: none). Null: as proposed.',
  })
  disputes?: string[] | null;
}

@InputType({ description: 'Links a name of a draft to a stored party, or makes it a new party: exactly one of `party` and `asNew`.' })
export class LinkMentionInput {
  @Field(() => ID)
  mention: string;

  @Field(() => String, { nullable: true, description: 'The stored party’s slug.' })
  party?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: a new party, with a slug made from the name.' })
  asNew?: boolean | null;
}
