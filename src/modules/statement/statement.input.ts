import { inputType } from '../../common/validation/input-type';
import { CitedInput } from '../source/citation.input';
import { statementFields } from './statement.writes';

// Made from the fields' rules in statement.writes.ts (one declaration per field: its rule, GraphQL type and description).

export const RecordStatementInput = inputType('RecordStatementInput', statementFields, { base: CitedInput });
export type RecordStatementInput = InstanceType<typeof RecordStatementInput>;
