import { createUnionType } from 'type-graphql';
import { setClaimantType } from '../../common/citation/cited.interface';
import { Authority } from '../authority/authority.entity';
import { Company } from '../company/company.entity';
import { Person } from '../person/person.entity';

export const Party = createUnionType({
  name: 'Party',
  description: 'Anyone who can be on a side of a conflict.',
  types: () => [Company, Person, Authority] as const,
  resolveType: (value) => value.nodeType,
});

setClaimantType(Party);
