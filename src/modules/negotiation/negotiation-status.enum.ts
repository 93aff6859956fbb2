import { registerEnumType } from 'type-graphql';

export enum NegotiationStatus {
  ONGOING = 'ONGOING',
  FAILED = 'FAILED',
  CONCLUDED = 'CONCLUDED',
}
registerEnumType(NegotiationStatus, { name: 'NegotiationStatus' });
