import { registerEnumType } from 'type-graphql';

export enum PatentScope {
  WORLDWIDE = 'WORLDWIDE',
  US = 'US',
  EUROPE = 'EUROPE',
  CHINA = 'CHINA',
}
registerEnumType(PatentScope, { name: 'PatentScope', description: 'Where the counted patents are held.' });

export enum CountQualifier {
  MORE_THAN = 'MORE_THAN',
  AT_LEAST = 'AT_LEAST',
  ABOUT = 'ABOUT',
  FEWER_THAN = 'FEWER_THAN',
}
registerEnumType(CountQualifier, {
  name: 'CountQualifier',
  description: 'How the source qualifies a count; null when it states the number plainly.',
});
