import { Args, Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import { PartyLawsuitsArgs } from '../lawsuit/party-lawsuits.args';
import type { RequestContext } from '../../context';
import { Dispute } from '../dispute/dispute.entity';
import { Event } from '../event/event.entity';
import { EventParticipant } from '../event/event-participant.entity';
import { Lawsuit } from '../lawsuit/lawsuit.entity';
import { LicensingNegotiation } from '../negotiation/licensing-negotiation.entity';
import { NegotiationParty } from '../negotiation/negotiation-party.entity';
import { PatentStat } from '../patent-stat/patent-stat.entity';
import { RankingEntry } from '../ranking/ranking-entry.entity';
import { RegulatoryAction } from '../regulatory-action/regulatory-action.entity';
import { Sanction } from '../sanction/sanction.entity';
import { Statement } from '../statement/statement.entity';
import { Characterization } from './characterization.entity';
import { PartyEntity } from './party.entity';
import { Party } from './party.union';
import { lawsuitService } from '../lawsuit/lawsuit.service';
import { disputeService } from '../dispute/dispute.service';

/** Loads the rows of a join table for a party, then the facts they point to, in key order. */
async function viaJoin<J extends { id: number; partyId: number }, T extends { id: number }>(
  ctx: RequestContext,
  join: ClassType<J>,
  factKey: keyof J & string,
  fact: ClassType<T>,
  partyId: number,
): Promise<T[]> {
  const links = await ctx.loaders.manyBy(join, 'partyId').load(partyId);
  const facts = await ctx.loaders.byId(fact).loadMany(links.map((link) => link[factKey] as number));
  return facts.filter((f): f is T => f instanceof fact);
}

/**
 * Fields every kind of party has (company, person, authority): one implementation, inherited
 * by the three type resolvers.
 */
export function PartyFieldsResolver<T extends PartyEntity>(type: ClassType<T>) {
  @Resolver(() => type)
  abstract class PartyFields {
    @FieldResolver(() => [Lawsuit], {
      description: 'Cases it is a party to (as PLAINTIFF, as DEFENDANT, or both when role is omitted), in filing order, undated last.',
    })
    lawsuits(@Root() party: T, @Ctx() ctx: RequestContext, @Args() { role, first }: PartyLawsuitsArgs) {
      return lawsuitService.ofParty(ctx.loaders, party.id, role, first);
    }

    @FieldResolver(() => [Sanction], { description: 'Sanctions targeting it.' })
    sanctions(@Root() party: T, @Ctx() ctx: RequestContext) {
      return ctx.loaders.manyBy(Sanction, 'targetId').load(party.id);
    }

    @FieldResolver(() => [RegulatoryAction], { description: 'Regulatory actions whose subject it is.' })
    regulatoryActions(@Root() party: T, @Ctx() ctx: RequestContext) {
      return ctx.loaders.manyBy(RegulatoryAction, 'subjectId').load(party.id);
    }

    @FieldResolver(() => [LicensingNegotiation])
    negotiations(@Root() party: T, @Ctx() ctx: RequestContext) {
      return viaJoin(ctx, NegotiationParty, 'negotiationId', LicensingNegotiation, party.id);
    }

    @FieldResolver(() => [Statement], { description: 'What it said.' })
    statements(@Root() party: T, @Ctx() ctx: RequestContext) {
      return ctx.loaders.manyBy(Statement, 'speakerId').load(party.id);
    }

    @FieldResolver(() => [Event], { description: 'Events it took part in.' })
    events(@Root() party: T, @Ctx() ctx: RequestContext) {
      return viaJoin(ctx, EventParticipant, 'eventId', Event, party.id);
    }

    @FieldResolver(() => [PatentStat])
    patentStats(@Root() party: T, @Ctx() ctx: RequestContext) {
      return ctx.loaders.manyBy(PatentStat, 'holderId').load(party.id);
    }

    @FieldResolver(() => [RankingEntry], { description: 'Its places in rankings.' })
    rankings(@Root() party: T, @Ctx() ctx: RequestContext) {
      return ctx.loaders.manyBy(RankingEntry, 'partyId').load(party.id);
    }

    @FieldResolver(() => [Characterization], { description: 'How sources characterize it.' })
    characterizations(@Root() party: T, @Ctx() ctx: RequestContext) {
      return ctx.loaders.manyBy(Characterization, 'partyId').load(party.id);
    }

    @FieldResolver(() => [Dispute], { description: 'Disputes it is a side of.' })
    disputes(@Root() party: T, @Ctx() ctx: RequestContext) {
      return disputeService.ofParty(ctx.loaders, party.id);
    }

    @FieldResolver(() => [Party], {
      description: 'Everyone on the other side of any lawsuit, sanction or regulatory action involving it, once each.',
    })
    adversaries(@Root() party: T, @Ctx() ctx: RequestContext) {
      return ctx.services.parties.adversaries(ctx.loaders, party.id);
    }
  }
  return PartyFields;
}
