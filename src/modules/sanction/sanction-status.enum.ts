import { registerEnumType } from 'type-graphql';

export enum SanctionStatus {
  PROPOSED = 'PROPOSED',
  IN_EFFECT = 'IN_EFFECT',
  SUSPENDED = 'SUSPENDED',
  LIFTED = 'LIFTED',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(SanctionStatus, { name: 'SanctionStatus', valuesConfig: { UNKNOWN: { description: 'The source does not say.' } } });
