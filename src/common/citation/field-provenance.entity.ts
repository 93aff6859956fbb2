import { ObjectType } from 'type-graphql';
import { FieldStatement } from './field-statement.entity';

/**
 * Where the current value of one field comes from: the statement the current-value rule picks
 * (`provenance`). The same row as a FieldStatement, under the name `provenance` has always had.
 */
@ObjectType('FieldProvenance', {
  simpleResolvers: true,
  description: 'Where the current value of one field comes from: the statement behind it, stated by quotes of its source or inferred (and from what).',
})
export class FieldProvenance extends FieldStatement {}
