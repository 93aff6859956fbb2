import { registerEnumType } from 'type-graphql';

/** What a change did to its subject. */
export enum ChangeKind {
  CREATED = 'CREATED',
  STATEMENT_ADDED = 'STATEMENT_ADDED',
  STATEMENT_DEPRECATED = 'STATEMENT_DEPRECATED',
  STATEMENT_RANKED = 'STATEMENT_RANKED',
  UPDATED = 'UPDATED',
  DELETED = 'DELETED',
}
registerEnumType(ChangeKind, {
  name: 'ChangeKind',
  description: 'What a change did to its subject.',
  valuesConfig: {
    CREATED: { description: 'A new party or fact was stored.' },
    STATEMENT_ADDED: { description: 'A new statement of a field (a value from a source) was stored; `value` holds it.' },
    STATEMENT_DEPRECATED: { description: 'A statement of a field was deprecated (its source was re-read or corrected); kept as history.' },
    STATEMENT_RANKED: { description: 'A statement was made PREFERRED, or its rank restored from DEPRECATED; `rank` holds the new one.' },
    UPDATED: { description: 'A field that statements do not carry (a name, an alias, a link) was changed.' },
    DELETED: { description: 'A party or fact was removed (merged into another, for example).' },
  },
});
