import { registerEnumType } from 'type-graphql';

export enum DisputeKind {
  PATENT = 'PATENT',
  REGULATORY = 'REGULATORY',
  SANCTIONS = 'SANCTIONS',
  CRIMINAL = 'CRIMINAL',
  COMMERCIAL = 'COMMERCIAL',
  OTHER = 'OTHER',
}
registerEnumType(DisputeKind, { name: 'DisputeKind', description: 'What a conflict is about.' });

export enum DisputeStatus {
  ACTIVE = 'ACTIVE',
  RESOLVED = 'RESOLVED',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(DisputeStatus, {
  name: 'DisputeStatus',
  valuesConfig: {
    ACTIVE: { description: 'The source reports it under way.' },
    UNKNOWN: { description: 'The source does not say.' },
  },
});

export enum DisputeSideName {
  A = 'A',
  B = 'B',
}
registerEnumType(DisputeSideName, { name: 'DisputeSideName', description: 'One of the two sides of a dispute.' });
