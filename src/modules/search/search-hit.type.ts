import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from '../../common/node/node.interface';

@ObjectType({ simpleResolvers: true, description: 'One thing that matches a search: the object, and where the words occur.' })
export class SearchHit {
  @Field(() => Node, { description: 'The party, fact or source found (a quote is found as the fact it cites).' })
  node: Node;

  @Field({ description: 'A short extract around the match, the matching words wrapped in `<mark>` … `</mark>` (the rest is plain text, not HTML).' })
  snippet: string;

  @Field(() => Float, { description: 'Relevance (bm25; higher is better). Only the order means something.' })
  score: number;
}
