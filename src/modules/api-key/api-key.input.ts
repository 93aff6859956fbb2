import { IsNotEmpty, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Role } from '../../common/role.enum';

@InputType()
export class CreateApiKeyInput {
  @Field({ description: 'Who or what the key is for, e.g. "newsroom-frontend".' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(100)
  name: string;

  @Field(() => Role)
  role: Role;
}
