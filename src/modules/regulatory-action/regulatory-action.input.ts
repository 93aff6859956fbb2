import { IsNotEmpty, IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsFuzzyDate, IsSlug } from '../../common/validation';
import { CitedInput } from '../source/citation.input';

@InputType()
export class RecordRegulatoryActionInput extends CitedInput {
  @Field()
  @IsSlug()
  slug: string;

  @Field({ description: 'Slug of the authority acting.' })
  @IsSlug()
  authority: string;

  @Field(() => String, { nullable: true, description: 'Slug of the party it is aimed at.' })
  @IsOptional()
  @IsSlug()
  subject?: string | null;

  @Field()
  @IsNotEmpty({ message: 'description must not be empty' })
  @MaxLength(2000)
  description: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsFuzzyDate()
  date?: string | null;
}
