import { ArrayMaxSize, ArrayMinSize, IsNotEmpty, IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsFuzzyDate, IsSlug } from '../../common/validation';
import { CitedInput } from '../source/citation.input';

@InputType()
export class RecordEventInput extends CitedInput {
  @Field()
  @IsSlug()
  slug: string;

  @Field()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(300)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsFuzzyDate()
  date?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty({ message: 'location must not be empty when given' })
  @MaxLength(300)
  location?: string | null;

  @Field(() => [String], { description: 'Slugs of the parties that took part, at least one.' })
  @ArrayMinSize(1, { message: 'participants must list at least one party slug' })
  @ArrayMaxSize(50)
  @IsSlug({ each: true })
  participants: string[];
}
