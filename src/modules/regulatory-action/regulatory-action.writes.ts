import { fuzzyDate, optional, pathOf, prose, slug, described } from '../../common/validation/rules';
import { sluggedFact } from '../../common/writes/cited-fact';
import { date } from '../../common/writes/fact-writer';
import { RegulatoryAction } from './regulatory-action.entity';

/** A regulatory action's fields: a document's `regulatoryActions[i]` and `recordRegulatoryAction`'s input. */
export const regulatoryActionFields = {
  slug,
  authority: described(slug, 'Slug of the authority acting.'),
  subject: described(optional(slug), 'Slug of the party it is aimed at.'),
  description: prose(2000),
  date: optional(fuzzyDate),
};

const action = sluggedFact({
  documentKey: 'regulatoryActions',
  action: 'recordRegulatoryAction',
  entity: RegulatoryAction,
  what: 'regulatory action',
  fields: regulatoryActionFields,
  parties: (a, path) => [
    { path: pathOf(path, 'authority'), slug: a.authority, types: ['AUTHORITY'] },
    ...(a.subject != null ? [{ path: pathOf(path, 'subject'), slug: a.subject }] : []),
  ],
  write: (writer, a) =>
    writer.upsert(
      RegulatoryAction,
      { slug: a.slug },
      {
        authorityId: writer.party(a.authority),
        subjectId: a.subject ? writer.party(a.subject) : null,
        description: a.description,
        date: date(a.date),
      },
    ),
});

export const regulatoryActionWrites = action.document;
export const recordRegulatoryAction = action.mutation;
