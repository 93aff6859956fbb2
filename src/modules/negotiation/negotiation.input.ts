import { inputType } from '../../common/validation/input-type';
import { CitedInput } from '../source/citation.input';
import { negotiationFields } from './negotiation.writes';

// Made from the fields' rules in negotiation.writes.ts (one declaration per field: its rule, GraphQL type and description).

export const RecordNegotiationInput = inputType('RecordNegotiationInput', negotiationFields, { base: CitedInput });
export type RecordNegotiationInput = InstanceType<typeof RecordNegotiationInput>;
