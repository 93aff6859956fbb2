import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Cited } from '../../common/citation/cited.interface';
import type { CitedSubject } from '../../common/citation/by-subject';
import type { RequestContext } from '../../context';
import { Party } from '../party/party.union';
import { Citation } from '../../common/citation/citation.entity';
import { Attribution } from '../../common/citation/attribution.enums';
import { FieldProvenance } from '../../common/citation/field-provenance.entity';
import { PROVENANCE_NODE_TYPE } from './attribution.writes';

/** Who says so, how hedged, and each field's provenance: for every Cited type at once. */
@Resolver(() => Cited)
export class SaysWhoResolver {
  @FieldResolver(() => Attribution)
  async attribution(@Root() subject: CitedSubject, @Ctx() { services, loaders }: RequestContext) {
    return (await services.attribution.attributionOf(loaders, subject))?.attribution ?? Attribution.REPORTED;
  }

  @FieldResolver(() => Party, { nullable: true })
  async claimedBy(@Root() subject: CitedSubject, @Ctx() { services, loaders }: RequestContext) {
    const row = await services.attribution.attributionOf(loaders, subject);
    return row?.claimedById == null ? null : services.parties.required(loaders, row.claimedById);
  }

  @FieldResolver(() => [String])
  async hedges(@Root() subject: CitedSubject, @Ctx() { services, loaders }: RequestContext) {
    return (await services.attribution.attributionOf(loaders, subject))?.hedges ?? [];
  }

  @FieldResolver(() => [FieldProvenance])
  provenance(@Root() subject: CitedSubject, @Ctx() { services, loaders }: RequestContext) {
    return services.attribution.provenanceOf(loaders, subject);
  }
}

@Resolver(() => FieldProvenance)
export class FieldProvenanceResolver {
  @FieldResolver(() => [Citation], { description: 'For STATED: the quotes that state the value (citations of the fact).' })
  citations(@Root() provenance: FieldProvenance, @Ctx() { services, loaders }: RequestContext) {
    return services.sources.citationsOf(loaders, { nodeType: PROVENANCE_NODE_TYPE, id: provenance.id });
  }
}
