import { inputType } from '../../common/validation/input-type';
import { CitedInput } from '../source/citation.input';
import { sanctionFields } from './sanction.writes';

// Made from the fields' rules in sanction.writes.ts (one declaration per field: its rule, GraphQL type and description).

export const RecordSanctionInput = inputType('RecordSanctionInput', sanctionFields, { base: CitedInput });
export type RecordSanctionInput = InstanceType<typeof RecordSanctionInput>;
