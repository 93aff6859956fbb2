import type { FactType, LinkTable } from '../../common/facts/fact-type';
import { lawsuitCues } from './lawsuit.cues';
import { LawsuitParty } from './lawsuit-party.entity';
import { Lawsuit } from './lawsuit.entity';
import { lawsuitWrites } from './lawsuit.writes';
import { lawsuitsOfParty } from './lawsuits-of-party';
import { PartyLawsuitsArgs } from './party-lawsuits.args';

const sides: LinkTable = { table: 'lawsuit_party', factColumn: 'lawsuit_id', roleColumn: 'role' };
/** Criminal and extradition cases are charges, not suits: on the network and on the timeline. */
const isCharge = (f: string) => `${f}.kind IN ('CRIMINAL', 'EXTRADITION')`;

export const lawsuitFact = {
  typeName: 'Lawsuit',
  entity: Lawsuit,
  linkEntities: [LawsuitParty],
  table: 'lawsuit',
  asserts: ['kind', 'status', 'filed', 'venue', 'summary', 'technologies', 'plaintiffs', 'defendants', 'challenges'],
  participants: [
    { role: 'PLAINTIFF', link: sides, roleValue: 'PLAINTIFF', field: 'plaintiffs' },
    { role: 'DEFENDANT', link: sides, roleValue: 'DEFENDANT', field: 'defendants' },
  ],
  edges: [
    {
      from: 'PLAINTIFF',
      to: 'DEFENDANT',
      kind: (f) => `CASE WHEN ${isCharge(f)} THEN 'CHARGED' ELSE 'SUED' END`,
      label: (f) => `${f}.title`,
      since: 'filed',
      adversarial: true,
    },
  ],
  timeline: { date: 'filed', kind: (f) => `CASE WHEN ${isCharge(f)} THEN 'CHARGES_FILED' ELSE 'LAWSUIT_FILED' END`, title: (f) => `${f}.title` },
  search: {
    code: 3,
    name: (r) => `${r}.title`,
    body: (r, sql) => `COALESCE(${r}.summary, '') || ' ; ' || COALESCE(${r}.venue, '') || ' ; ' || ${sql.jsonWords(`${r}.technologies`)}`,
    quote: () => `''`,
  },
  partyField: {
    name: 'lawsuits',
    description: 'Cases it is a party to (as PLAINTIFF, as DEFENDANT, or both when role is omitted), in filing order, undated last.',
    args: PartyLawsuitsArgs,
    load: (loaders, id, { role, first }: PartyLawsuitsArgs) => lawsuitsOfParty(loaders, id, role, first),
  },
  writes: lawsuitWrites,
  cues: lawsuitCues,
} satisfies FactType;
