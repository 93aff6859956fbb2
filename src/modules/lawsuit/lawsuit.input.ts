import { inputType } from '../../common/validation/input-type';
import { CitedInput } from '../source/citation.input';
import { fileLawsuitFields, updateLawsuitStatusFields } from './lawsuit.writes';

// Made from the fields' rules in lawsuit.writes.ts (one declaration per field: its rule, GraphQL type and description).

export const FileLawsuitInput = inputType('FileLawsuitInput', fileLawsuitFields, { base: CitedInput });
export type FileLawsuitInput = InstanceType<typeof FileLawsuitInput>;

export const UpdateLawsuitStatusInput = inputType('UpdateLawsuitStatusInput', updateLawsuitStatusFields, { base: CitedInput });
export type UpdateLawsuitStatusInput = InstanceType<typeof UpdateLawsuitStatusInput>;
