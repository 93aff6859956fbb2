import { createHash } from 'node:crypto';
import { fuzzyDate, line, optional, slug, url, verbatimText } from '../../common/validation/rules';
import type { WriteDeclaration } from '../../common/writes/declarations';
import { date, type FactWriter } from '../../common/writes/fact-writer';
import { Source } from '../../common/citation/source.entity';
import type { AddSourceInput } from './source.input';

/** A source's fields: `addSource`'s input and a document's `source`. */
export const sourceRules = {
  slug,
  title: line(500),
  publisher: line(200),
  publishedOn: fuzzyDate,
  // Rendered as a link by the explorer: http(s) only.
  url: optional(url),
  text: verbatimText(90_000),
};

type SourceFields = Pick<AddSourceInput, 'slug' | 'title' | 'publisher' | 'publishedOn' | 'url' | 'text'>;

/** Stores a source by slug. */
export function writeSource(
  writer: FactWriter,
  { slug: key, title, publisher, publishedOn, url: link, text }: SourceFields,
  contentHash: string,
): Promise<Source> {
  return writer.upsert(Source, { slug: key }, { title, publisher, publishedOn: date(publishedOn)!, url: link ?? null, text, contentHash });
}

export const addSource: WriteDeclaration<AddSourceInput, Source> = {
  action: 'addSource',
  rules: sourceRules,
  check: (input, checks) => checks.unused(Source, 'slug', input.slug, 'source'),
  write: (input, writer) => {
    const { slug: key, title, publisher, publishedOn, url: link, text } = input;
    const contentHash = createHash('sha256')
      .update(JSON.stringify({ source: { slug: key, title, publisher, publishedOn, url: link ?? null, text } }))
      .digest('hex');
    return writeSource(writer, input, contentHash);
  },
};
