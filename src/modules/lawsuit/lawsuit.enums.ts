import { registerEnumType } from 'type-graphql';

export enum LawsuitKind {
  PATENT_INFRINGEMENT = 'PATENT_INFRINGEMENT',
  REGULATORY_CHALLENGE = 'REGULATORY_CHALLENGE',
  CRIMINAL = 'CRIMINAL',
  EXTRADITION = 'EXTRADITION',
  ANTITRUST = 'ANTITRUST',
  CONTRACT = 'CONTRACT',
  OTHER = 'OTHER',
}
registerEnumType(LawsuitKind, { name: 'LawsuitKind', description: 'What a legal case is about.' });

export enum CaseStatus {
  FILED = 'FILED',
  PENDING = 'PENDING',
  SETTLED = 'SETTLED',
  DISMISSED = 'DISMISSED',
  WITHDRAWN = 'WITHDRAWN',
  DECIDED = 'DECIDED',
  APPEALED = 'APPEALED',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  valuesConfig: {
    FILED: { description: 'Filed; the source reports nothing later.' },
    PENDING: { description: 'Under way (charges laid, proceedings started), not decided.' },
    UNKNOWN: { description: 'The source does not say.' },
  },
});

export enum PartyRole {
  PLAINTIFF = 'PLAINTIFF',
  DEFENDANT = 'DEFENDANT',
}
registerEnumType(PartyRole, {
  name: 'PartyRole',
  description: 'A side of a case: the plaintiff (or prosecutor, or requesting state) and the defendant.',
});
