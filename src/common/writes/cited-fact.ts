import type { NodeEntity } from '../node/node.entity';
import { citations, quotes, type DocOf, type Rule, type Shape } from '../validation/rules';
import type { FactWrites, PartyReference, WriteDeclaration } from './declarations';
import type { FactWriter } from './fact-writer';

/**
 * The two writes of a fact keyed by slug, from one declaration of its fields: its source-document
 * item (`lawsuits[i]`: the fields plus `quotes`) and its `record…` mutation (the fields plus
 * `citations`, refused when the slug is taken). Both check the same parties and store through the
 * same `write`.
 */
export function sluggedFact<const K extends string, S extends Shape & { slug: Rule<string> }, R extends NodeEntity & { slug: string }>(spec: {
  documentKey: K;
  /** The mutation's name. */
  action: string;
  entity: new () => R;
  /** What it is called in messages: `regulatory action`. */
  what: string;
  /** The fact's fields: an item's and the mutation input's (made from them, input-type.ts). */
  fields: S;
  /** The parties an item or input names; `path` is '' for a mutation's input. */
  parties(item: DocOf<S>, path: string): PartyReference[];
  write(writer: FactWriter, item: DocOf<S>): Promise<NoInfer<R>>;
}): { document: FactWrites<DocOf<S> & { quotes: string[] }, K>; mutation: WriteDeclaration<DocOf<S> & { citations: { source: string; quote: string }[] }, R> } {
  return {
    document: {
      documentKey: spec.documentKey,
      slugged: true,
      rules: { ...spec.fields, quotes },
      parties: spec.parties,
      write: async (item, writer, scope) => {
        const row = await spec.write(writer, item);
        await scope.cite(row, item.quotes);
        return row;
      },
    },
    mutation: {
      action: spec.action,
      rules: { ...spec.fields, citations },
      check: async (input, checks) => {
        await checks.unused(spec.entity, 'slug', (input as unknown as { slug: string }).slug, spec.what);
        await checks.parties(spec.parties(input, ''));
      },
      write: (input, writer) => spec.write(writer, input),
      cited: (row) => row,
    },
  };
}
