import { AS_OF_DESCRIPTION } from '../field-statement/as-of.args';
import { withAsOf } from '../../common/prices';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../common/pagination/connection.args';
import { ConnectionType } from '../../common/pagination/connection.type';
import type { RequestContext } from '../../context';
import { PartyFieldsResolver } from '../party/party-fields.resolver';
import { Affiliation } from '../person/affiliation.entity';
import { Company } from './company.entity';
import { Role } from '../../common/role.enum';
import { runMutation } from '../mutation/mutation-runner';
import { createCompany, updateCompany } from '../party/party.writes';
import { CreateCompanyInput, UpdateCompanyInput } from '../party/party.input';

export const CompanyConnection = ConnectionType(Company, 'Company');

@Resolver(() => Company)
export class CompanyResolver extends PartyFieldsResolver(Company) {
  @Authorized(Role.EDITOR)
  @Mutation(() => Company, { description: 'Adds a company, with the sources that state it (editors).' })
  createCompany(@Arg('input') input: CreateCompanyInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, createCompany, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Company, { description: 'Changes the given fields of a company, with the sources that state the change (editors).' })
  updateCompany(@Arg('input') input: UpdateCompanyInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, updateCompany, input);
  }

  @Query(() => Company, { nullable: true, complexity: withAsOf(), description: 'A company by slug; null when unknown.' })
  company(
    @Arg('slug') slug: string,
    @Arg('asOf', () => String, { nullable: true, description: AS_OF_DESCRIPTION }) _asOf: string | null,
    @Ctx() { services, loaders }: RequestContext,
  ) {
    return services.catalog.bySlug(loaders, Company, slug);
  }

  @Query(() => CompanyConnection)
  companies(@Args() args: ConnectionArgs, @Ctx() { services, loaders }: RequestContext) {
    return services.catalog.connection(loaders, Company, args);
  }

  @FieldResolver(() => [Affiliation], { description: 'People and their roles at the company.' })
  people(@Root() company: Company, @Ctx() { loaders }: RequestContext) {
    return loaders.manyBy(Affiliation, 'organizationId').load(company.id);
  }
}
