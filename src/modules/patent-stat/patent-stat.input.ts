import { inputType } from '../../common/validation/input-type';
import { CitedInput } from '../source/citation.input';
import { patentStatFields } from './patent-stat.writes';

// Made from the fields' rules in patent-stat.writes.ts (one declaration per field: its rule, GraphQL type and description).

export const RecordPatentStatInput = inputType('RecordPatentStatInput', patentStatFields, { base: CitedInput });
export type RecordPatentStatInput = InstanceType<typeof RecordPatentStatInput>;
