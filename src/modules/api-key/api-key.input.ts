import { IsNotEmpty, IsOptional, MaxLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { InRange, intRange, rangeText } from '../../common/bounds';
import { Role } from '../../common/role.enum';

/** A key's own cost budget per minute (`npm run keys -- create --budget N` checks the same). */
export const KEY_BUDGET = intRange('costBudget', 100, 1_000_000_000);

@InputType()
export class CreateApiKeyInput {
  @Field({ description: 'Who or what the key is for, e.g. "newsroom-frontend".' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(100)
  name: string;

  @Field(() => Role)
  role: Role;

  @Field(() => Int, {
    nullable: true,
    description: `The query cost the key may spend per minute (${rangeText(KEY_BUDGET)}); omitted: the server's default (CLIENT_COST_BUDGET). A front-end server that serves many readers needs more than one reader.`,
  })
  @IsOptional()
  @InRange(KEY_BUDGET)
  costBudget?: number | null;
}
