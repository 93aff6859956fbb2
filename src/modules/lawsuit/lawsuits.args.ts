import { ValidateNested } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../../common/pagination/connection.args';
import { LawsuitFilter } from './lawsuit-filter.input';

@ArgsType()
export class LawsuitsArgs extends ConnectionArgs {
  @Field(() => LawsuitFilter, { nullable: true })
  @ValidateNested()
  filter?: LawsuitFilter | null;
}
