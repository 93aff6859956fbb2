import { inputType } from '../../common/validation/input-type';
import { CitedInput } from '../source/citation.input';
import { eventFields } from './event.writes';

// Made from the fields' rules in event.writes.ts (one declaration per field: its rule, GraphQL type and description).

export const RecordEventInput = inputType('RecordEventInput', eventFields, { base: CitedInput });
export type RecordEventInput = InstanceType<typeof RecordEventInput>;
