import { registerEnumType } from 'type-graphql';

export enum AuthorityKind {
  REGULATOR = 'REGULATOR',
  GOVERNMENT = 'GOVERNMENT',
  AGENCY = 'AGENCY',
  COURT = 'COURT',
}
registerEnumType(AuthorityKind, { name: 'AuthorityKind' });
