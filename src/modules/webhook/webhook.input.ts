import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Which changes a webhook is sent; each list, when given and not empty, must be met.' })
export class WebhookFilterInput {
  @Field(() => [String], { nullable: true, description: 'Slugs of parties: only changes touching one of them.' })
  parties?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Slugs of disputes: only changes touching one of them.' })
  disputes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Change kinds (`STATEMENT_ADDED`, `CREATED`…): only these.' })
  kinds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Subject types (`Lawsuit`, `Company`…): only changes of these.' })
  types?: string[] | null;
}
