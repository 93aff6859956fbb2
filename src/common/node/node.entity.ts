import { PrimaryGeneratedColumn } from 'typeorm';
import { encodeGlobalId } from './global-id';

/** Base of every stored object: an integer key, exposed to clients only as a global ID. */
export abstract class NodeEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** The GraphQL type name; also the `subject_type` of the object's citations. */
  abstract get nodeType(): string;

  get globalId(): string {
    return encodeGlobalId(this.nodeType, this.id);
  }
}
