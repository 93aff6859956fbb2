import { AS_OF_DESCRIPTION } from '../field-statement/as-of.args';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { runMutation } from '../mutation/mutation-runner';
import { fileLawsuit as fileLawsuitWrite, updateLawsuitStatus as updateLawsuitStatusWrite } from './lawsuit.writes';
import { ConnectionType } from '../../common/pagination/connection.type';
import type { RequestContext } from '../../context';
import { Party } from '../party/party.union';
import { RegulatoryAction } from '../regulatory-action/regulatory-action.entity';
import { Lawsuit } from './lawsuit.entity';
import { PartyRole } from './lawsuit.enums';
import { LawsuitsArgs } from './lawsuits.args';
import { lawsuitService } from './lawsuit.service';
import { Role } from '../../common/role.enum';
import { FileLawsuitInput, UpdateLawsuitStatusInput } from './lawsuit.input';
import { DEFAULT_PAGE_SIZE } from '../../common/pagination/connection.args';
import { pageCost, pageSize, priced, PRICES, withAsOf } from '../../common/prices';

export const LawsuitConnection = ConnectionType(Lawsuit, 'Lawsuit');

@Resolver(() => Lawsuit)
export class LawsuitResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Lawsuit, { description: 'Files a case: parties by slug with their sides, with the sources that report it (editors).' })
  fileLawsuit(@Arg('input', () => FileLawsuitInput) input: FileLawsuitInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, fileLawsuitWrite, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Lawsuit, { description: 'Sets the status of a case, with the sources that report it (editors).' })
  updateLawsuitStatus(@Arg('input', () => UpdateLawsuitStatusInput) input: UpdateLawsuitStatusInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, updateLawsuitStatusWrite, input);
  }

  @Query(() => Lawsuit, { nullable: true, complexity: withAsOf(), description: 'A legal case by slug; null when unknown.' })
  lawsuit(
    @Arg('slug') slug: string,
    @Arg('asOf', () => String, { nullable: true, description: AS_OF_DESCRIPTION }) _asOf: string | null,
    @Ctx() { services, loaders }: RequestContext,
  ) {
    return services.catalog.bySlug(loaders, Lawsuit, slug);
  }

  @Query(() => LawsuitConnection, {
    description: 'Legal cases, optionally filtered by kind, status and party.',
    complexity: priced(({ args, once, perItem }) => (args.filter ? PRICES.filter : 0) + pageCost(pageSize(args.first, DEFAULT_PAGE_SIZE), { once, perItem })),
  })
  lawsuits(@Args() args: LawsuitsArgs, @Ctx() { loaders }: RequestContext) {
    return lawsuitService.connection(loaders, args);
  }

  @FieldResolver(() => [Party], { description: 'Who brought the case (plaintiff, prosecutor, requesting state).' })
  plaintiffs(@Root() lawsuit: Lawsuit, @Ctx() { services, loaders }: RequestContext) {
    return lawsuitService.sideOf(loaders, services.parties, lawsuit.id, PartyRole.PLAINTIFF);
  }

  @FieldResolver(() => [Party])
  defendants(@Root() lawsuit: Lawsuit, @Ctx() { services, loaders }: RequestContext) {
    return lawsuitService.sideOf(loaders, services.parties, lawsuit.id, PartyRole.DEFENDANT);
  }

  @FieldResolver(() => RegulatoryAction, { nullable: true, description: 'The decision the case challenges, if any.' })
  challenges(@Root() lawsuit: Lawsuit, @Ctx() { loaders }: RequestContext) {
    return lawsuit.challengesId == null ? null : loaders.byId(RegulatoryAction).load(lawsuit.challengesId);
  }
}
