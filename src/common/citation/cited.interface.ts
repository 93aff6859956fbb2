import { Field, InterfaceType } from 'type-graphql';
import { Attribution } from './attribution.enums';
import { FieldProvenance } from './field-provenance.entity';
import { Citation } from './citation.entity';

let claimantUnion: object | undefined;

/**
 * `claimedBy`'s type, the Party union, is handed in by the party module (party.union.ts): the party
 * types implement Cited themselves, so the kernel cannot import them. Read when the schema is built.
 */
export function setClaimantType(union: object): void {
  claimantUnion = union;
}

function claimantType(): object {
  if (!claimantUnion) throw new Error('Cited.claimedBy: the Party union is not loaded (src/modules/party/party.union.ts calls setClaimantType)');
  return claimantUnion;
}

/**
 * Every fact implements Cited: it can say which sentence of which source states it, in whose
 * voice, how hedged, and where each of its values comes from (resolved once for every type in
 * source.resolver.ts and attribution.resolver.ts).
 */
@InterfaceType({
  description: 'A fact that carries the verbatim quotes of the sources that state it, and says who says so.',
  resolveType: (value: { nodeType: string }) => value.nodeType,
})
export abstract class Cited {
  @Field(() => [Citation], { description: 'Where this fact is stated: source and verbatim quote.' })
  citations: Citation[];

  @Field(() => Attribution, { description: "In whose voice the source states it: the publication's, a party's claim, or an allegation." })
  attribution: Attribution;

  @Field(() => claimantType(), { nullable: true, description: 'Who claims or alleges it (CLAIMED and ALLEGED).' })
  claimedBy: unknown;

  @Field(() => [String], { description: 'The source\'s own qualifying words, verbatim ("apparent", "potential").' })
  hedges: string[];

  @Field(() => [FieldProvenance], { description: 'For each field that asserts something: stated by which quotes, or inferred from what.' })
  provenance: FieldProvenance[];
}
