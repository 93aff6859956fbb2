import { registerEnumType } from 'type-graphql';

export enum SanctionStatus {
  PROPOSED = 'PROPOSED',
  IN_EFFECT = 'IN_EFFECT',
  SUSPENDED = 'SUSPENDED',
  LIFTED = 'LIFTED',
}
registerEnumType(SanctionStatus, { name: 'SanctionStatus' });
