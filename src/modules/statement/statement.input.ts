import { IsNotEmpty, IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsFuzzyDate, IsSlug } from '../../common/validation';
import { CitedInput } from '../source/citation.input';

@InputType()
export class RecordStatementInput extends CitedInput {
  @Field()
  @IsSlug()
  slug: string;

  @Field({ description: 'Slug of the party who said it.' })
  @IsSlug()
  speaker: string;

  @Field({ description: 'What was said, in the report’s words.' })
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(5000)
  text: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsFuzzyDate()
  date?: string | null;
}
