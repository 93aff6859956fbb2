import { registerEnumType } from 'type-graphql';

export enum NegotiationStatus {
  ONGOING = 'ONGOING',
  FAILED = 'FAILED',
  CONCLUDED = 'CONCLUDED',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(NegotiationStatus, { name: 'NegotiationStatus', valuesConfig: { UNKNOWN: { description: 'The source does not say.' } } });
