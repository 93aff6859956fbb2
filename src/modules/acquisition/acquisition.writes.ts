import { described, fuzzyDate, oneOf, optional, pathOf, slug } from '../../common/validation/rules';
import { sluggedFact } from '../../common/writes/cited-fact';
import { date } from '../../common/writes/fact-writer';
import { Acquisition, AcquisitionStatus } from './acquisition.entity';

/** An acquisition's fields: a document's `acquisitions[i]` and `recordAcquisition`'s input. */
export const acquisitionFields = {
  slug,
  buyer: described(slug, 'Slug of the buying party.'),
  target: described(slug, 'Slug of the party bought.'),
  announced: described(optional(fuzzyDate), 'When it was announced, as precise as the source.'),
  status: oneOf(AcquisitionStatus),
};

const acquisition = sluggedFact({
  documentKey: 'acquisitions',
  action: 'recordAcquisition',
  entity: Acquisition,
  what: 'acquisition',
  fields: acquisitionFields,
  parties: (a, path) => [
    { path: pathOf(path, 'buyer'), slug: a.buyer },
    { path: pathOf(path, 'target'), slug: a.target },
  ],
  write: (writer, a) =>
    writer.upsert(
      Acquisition,
      { slug: a.slug },
      { buyerId: writer.party(a.buyer), targetId: writer.party(a.target), announced: date(a.announced), status: a.status },
    ),
});

export const acquisitionWrites = acquisition.document;
export const recordAcquisition = acquisition.mutation;
