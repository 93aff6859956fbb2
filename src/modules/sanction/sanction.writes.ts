import { fuzzyDate, oneOf, optional, pathOf, prose, slug, described } from '../../common/validation/rules';
import { sluggedFact } from '../../common/writes/cited-fact';
import { date } from '../../common/writes/fact-writer';
import { SanctionStatus } from './sanction-status.enum';
import { Sanction } from './sanction.entity';

/** A sanction's fields: a document's `sanctions[i]` and `recordSanction`'s input. */
export const sanctionFields = {
  slug,
  target: described(slug, 'Slug of the party sanctioned.'),
  authority: described(slug, 'Slug of the authority imposing it.'),
  description: prose(2000),
  imposed: optional(fuzzyDate),
  status: oneOf(SanctionStatus),
};

const sanction = sluggedFact({
  documentKey: 'sanctions',
  action: 'recordSanction',
  entity: Sanction,
  what: 'sanction',
  fields: sanctionFields,
  parties: (s, path) => [
    { path: pathOf(path, 'target'), slug: s.target },
    { path: pathOf(path, 'authority'), slug: s.authority, types: ['AUTHORITY'] },
  ],
  write: (writer, s) =>
    writer.upsert(
      Sanction,
      { slug: s.slug },
      {
        targetId: writer.party(s.target),
        authorityId: writer.party(s.authority),
        description: s.description,
        imposed: date(s.imposed),
        status: s.status as SanctionStatus,
      },
    ),
});

export const sanctionWrites = sanction.document;
export const recordSanction = sanction.mutation;
