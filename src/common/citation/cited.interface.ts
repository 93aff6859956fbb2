import { Field, InterfaceType } from 'type-graphql';
import { Citation } from '../../modules/source/citation.entity';

/** Every fact implements Cited: it can say which sentence of which source states it. */
@InterfaceType({
  description: 'A fact that carries the verbatim quotes of the sources that state it.',
  resolveType: (value: { nodeType: string }) => value.nodeType,
})
export abstract class Cited {
  @Field(() => [Citation], { description: 'Where this fact is stated: source and verbatim quote.' })
  citations: Citation[];
}
