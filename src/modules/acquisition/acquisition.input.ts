import { inputType } from '../../common/validation/input-type';
import { CitedInput } from '../source/citation.input';
import { acquisitionFields } from './acquisition.writes';

export const RecordAcquisitionInput = inputType('RecordAcquisitionInput', acquisitionFields, { base: CitedInput });
export type RecordAcquisitionInput = InstanceType<typeof RecordAcquisitionInput>;
