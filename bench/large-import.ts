/**
 * A valid source document of about `bytes` of JSON, for `importSource` at the size of the request
 * body limit: a source text, and as many companies (each cited by a quote of the text, with who
 * says so and a characterization) as fit. `tag` makes its slugs new, so each call imports rows.
 * Used by the attack script, its tests and the import bench.
 */
export function largeImportDocument(bytes: number, tag: string): Record<string, unknown> {
  const sentences = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} of the report says that the company in question filed its papers on time.`);
  const text = sentences.join(' ');
  const source = {
    slug: `bulk-${tag}`,
    title: `Bulk report ${tag}`,
    publisher: 'Bench Wire',
    publishedOn: '2024-01-02',
    url: 'https://example.com/bulk',
    text,
  };
  const parties: Record<string, unknown>[] = [];
  const characterizations: Record<string, unknown>[] = [];
  const doc = { source, parties, characterizations };
  let size = JSON.stringify(doc).length;
  for (let i = 0; size < bytes - 600; i++) {
    const quote = sentences[i % sentences.length];
    const slug = `bulk-${tag}-company-${i}`;
    const party = { type: 'COMPANY', slug, name: `Bulk ${tag} Company ${i}`, country: 'US', quotes: [quote], attribution: 'REPORTED' };
    const characterization = { party: slug, text: `A company that filed its papers (${i})`, topics: ['filings'], quotes: [quote] };
    parties.push(party);
    characterizations.push(characterization);
    size += JSON.stringify(party).length + JSON.stringify(characterization).length + 2;
  }
  return doc;
}
