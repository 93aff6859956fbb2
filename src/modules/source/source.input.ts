import { IsNotEmpty, IsOptional, IsUrl, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsFuzzyDate, IsSlug } from '../../common/validation';

@InputType({ description: 'A document to take facts from: its full text, kept verbatim.' })
export class AddSourceInput {
  @Field({ description: 'e.g. `2020-02-06-huawei-verizon`.' })
  @IsSlug()
  slug: string;

  @Field()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(500)
  title: string;

  @Field()
  @IsNotEmpty({ message: 'publisher must not be empty' })
  @MaxLength(200)
  publisher: string;

  @Field({ description: 'Publication date, as precise as known: `2020-02-06`, `2020-02`.' })
  @IsFuzzyDate()
  publishedOn: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) URL' })
  url?: string | null;

  @Field({ description: 'The full text; citations quote it verbatim.' })
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(90_000)
  text: string;
}
