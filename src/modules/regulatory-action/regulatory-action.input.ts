import { inputType } from '../../common/validation/input-type';
import { CitedInput } from '../source/citation.input';
import { regulatoryActionFields } from './regulatory-action.writes';

// Made from the fields' rules in regulatory-action.writes.ts (one declaration per field: its rule, GraphQL type and description).

export const RecordRegulatoryActionInput = inputType('RecordRegulatoryActionInput', regulatoryActionFields, { base: CitedInput });
export type RecordRegulatoryActionInput = InstanceType<typeof RecordRegulatoryActionInput>;
