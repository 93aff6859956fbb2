import { ArrayMaxSize, ArrayMinSize, IsNotEmpty, IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsFuzzyDate, IsSlug } from '../../common/validation';
import { CitedInput } from '../source/citation.input';
import { NegotiationStatus } from './negotiation-status.enum';

@InputType()
export class RecordNegotiationInput extends CitedInput {
  @Field()
  @IsSlug()
  slug: string;

  @Field({ description: 'What is being licensed.' })
  @IsNotEmpty({ message: 'subject must not be empty' })
  @MaxLength(500)
  subject: string;

  @Field(() => NegotiationStatus)
  status: NegotiationStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsFuzzyDate()
  started?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  summary?: string | null;

  @Field(() => [String], { description: 'Slugs of the parties, at least two.' })
  @ArrayMinSize(2, { message: 'parties must list at least two party slugs' })
  @ArrayMaxSize(50)
  @IsSlug({ each: true })
  parties: string[];
}
