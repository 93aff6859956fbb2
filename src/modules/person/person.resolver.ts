import { AS_OF_DESCRIPTION } from '../field-statement/as-of.args';
import { withAsOf } from '../../common/prices';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../common/pagination/connection.args';
import { ConnectionType } from '../../common/pagination/connection.type';
import type { RequestContext } from '../../context';
import { Lawsuit } from '../lawsuit/lawsuit.entity';
import { lawsuitsOfParty } from '../lawsuit/lawsuits-of-party';
import { PartyFieldsResolver } from '../party/party-fields.resolver';
import { Party } from '../party/party.union';
import { Affiliation } from './affiliation.entity';
import { KinshipRecord } from './kinship.entity';
import { Kinship } from './kinship.type';
import { Person } from './person.entity';
import { Role } from '../../common/role.enum';
import { runMutation } from '../mutation/mutation-runner';
import { createPerson, updatePerson } from '../party/party.writes';
import { CreatePersonInput, UpdatePersonInput } from '../party/party.input';

export const PersonConnection = ConnectionType(Person, 'Person');

@Resolver(() => Person)
export class PersonResolver extends PartyFieldsResolver(Person) {
  @Authorized(Role.EDITOR)
  @Mutation(() => Person, { description: 'Adds a person, with the sources that state it (editors).' })
  createPerson(@Arg('input') input: CreatePersonInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, createPerson, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Person, { description: 'Changes the given fields of a person, with the sources that state the change (editors).' })
  updatePerson(@Arg('input') input: UpdatePersonInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, updatePerson, input);
  }

  @Query(() => Person, { nullable: true, complexity: withAsOf(), description: 'A person by slug; null when unknown.' })
  person(
    @Arg('slug') slug: string,
    @Arg('asOf', () => String, { nullable: true, description: AS_OF_DESCRIPTION }) _asOf: string | null,
    @Ctx() { services, loaders }: RequestContext,
  ) {
    return services.catalog.bySlug(loaders, Person, slug);
  }

  @Query(() => PersonConnection)
  people(@Args() args: ConnectionArgs, @Ctx() { services, loaders }: RequestContext) {
    return services.catalog.connection(loaders, Person, args);
  }

  @FieldResolver(() => [Affiliation], { description: 'Roles at organizations.' })
  affiliations(@Root() person: Person, @Ctx() { loaders }: RequestContext) {
    return loaders.manyBy(Affiliation, 'personId').load(person.id);
  }

  @FieldResolver(() => [Kinship], { description: 'Family ties, read from this person ("eldest daughter of" …).' })
  async relatives(@Root() person: Person, @Ctx() { loaders }: RequestContext) {
    const [outgoing, incoming] = await Promise.all([
      loaders.manyBy(KinshipRecord, 'personId').load(person.id),
      loaders.manyBy(KinshipRecord, 'relativeId').load(person.id),
    ]);
    return [
      ...outgoing.map((tie) => new Kinship(tie.id, tie.relation, tie.relativeId)),
      ...incoming.map((tie) => new Kinship(tie.id, tie.inverseRelation, tie.personId)),
    ];
  }

  @FieldResolver(() => [Lawsuit], { description: 'Legal cases (prosecutions, extraditions, suits) the person is a party to.' })
  legalCases(@Root() person: Person, @Ctx() ctx: RequestContext) {
    return lawsuitsOfParty(ctx.loaders, person.id);
  }
}

@Resolver(() => Kinship)
export class KinshipResolver {
  @FieldResolver(() => Person)
  person(@Root() kinship: Kinship, @Ctx() { services, loaders }: RequestContext) {
    return services.parties.required(loaders, kinship.relativeId);
  }
}

@Resolver(() => Affiliation)
export class AffiliationResolver {
  @FieldResolver(() => Person)
  person(@Root() affiliation: Affiliation, @Ctx() { services, loaders }: RequestContext) {
    return services.parties.required(loaders, affiliation.personId);
  }

  @FieldResolver(() => Party)
  organization(@Root() affiliation: Affiliation, @Ctx() { services, loaders }: RequestContext) {
    return services.parties.required(loaders, affiliation.organizationId);
  }
}
