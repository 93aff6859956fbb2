import { IsNotEmpty, IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsFuzzyDate, IsSlug } from '../../common/validation';
import { CitedInput } from '../source/citation.input';
import { SanctionStatus } from './sanction-status.enum';

@InputType()
export class RecordSanctionInput extends CitedInput {
  @Field()
  @IsSlug()
  slug: string;

  @Field({ description: 'Slug of the party sanctioned.' })
  @IsSlug()
  target: string;

  @Field({ description: 'Slug of the authority imposing it.' })
  @IsSlug()
  authority: string;

  @Field()
  @IsNotEmpty({ message: 'description must not be empty' })
  @MaxLength(2000)
  description: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsFuzzyDate()
  imposed?: string | null;

  @Field(() => SanctionStatus)
  status: SanctionStatus;
}
