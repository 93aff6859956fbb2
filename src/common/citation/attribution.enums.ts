import { registerEnumType } from 'type-graphql';

export enum Attribution {
  REPORTED = 'REPORTED',
  CLAIMED = 'CLAIMED',
  ALLEGED = 'ALLEGED',
}
registerEnumType(Attribution, {
  name: 'Attribution',
  description: 'In whose voice the source states a fact.',
  valuesConfig: {
    REPORTED: { description: "The publication's own voice." },
    CLAIMED: { description: 'A party says so (`claimedBy`); the publication reports the claim.' },
    ALLEGED: { description: 'An accusation under legal process, by `claimedBy`.' },
  },
});

export enum Basis {
  STATED = 'STATED',
  INFERRED = 'INFERRED',
}
registerEnumType(Basis, {
  name: 'Basis',
  description: 'Whether the source states a value or it was inferred.',
  valuesConfig: {
    STATED: { description: 'The quotes of `citations` say it.' },
    INFERRED: { description: 'Not said in so many words: `note` says what it was inferred from.' },
  },
});
