import { ArrayMaxSize, ArrayMinSize, IsNotEmpty, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsSlug } from '../../common/validation';

@InputType({ description: 'Where a fact is stated: a stored source (by slug) and a sentence copied verbatim from its text.' })
export class CitationInput {
  @Field({ description: 'Slug of a stored source (see `addSource`, `importSource`).' })
  @IsSlug()
  source: string;

  @Field({ description: 'Must occur verbatim in the source text.' })
  @IsNotEmpty({ message: 'quote must not be empty' })
  @MaxLength(2000)
  quote: string;
}

/** Every input that states a fact carries its sources: no fact without a source. */
@InputType()
export abstract class CitedInput {
  @Field(() => [CitationInput], { description: 'At least one source and verbatim quote that state this.' })
  @ArrayMinSize(1, { message: 'citations must list at least one source and verbatim quote: no fact without a source' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  citations: CitationInput[];
}
