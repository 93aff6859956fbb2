import { GraphQLJSONObject } from 'graphql-scalars';
import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Node } from '../../common/node/node.interface';
import { NodeEntity } from '../../common/node/node.entity';
import { Role } from '../../common/role.enum';

/** One row written, changed or removed by a write. */
@ObjectType({ description: 'One row a write inserted, updated or deleted.' })
export class AuditChange {
  @Field({ description: 'INSERT, UPDATE or DELETE.' })
  op: 'INSERT' | 'UPDATE' | 'DELETE';

  @Field()
  table: string;

  @Field(() => Int, { nullable: true })
  rowId: number | null;

  @Field(() => GraphQLJSONObject, { description: 'INSERT/DELETE: the values; UPDATE: `{ column: { from, to } }`.' })
  values: Record<string, unknown>;
}

/** Who changed what, when: appended by every write in the same transaction as the write. */
@Entity('audit_entry')
@ObjectType({ implements: Node, description: 'One write to the database: who, when, what changed (admins only).' })
export class AuditEntry extends NodeEntity {
  get nodeType() {
    return 'AuditEntry';
  }

  @Authorized(Role.ADMIN)
  @Field({ description: 'ISO 8601 timestamp of the write.' })
  @Index()
  @Column('varchar', { length: 32 })
  at: string;

  @Authorized(Role.ADMIN)
  @Field({ description: 'The API key name, or `cli:import`, `seed` for writes made on the server.' })
  @Column()
  actor: string;

  @Column('integer', { nullable: true })
  actorKeyId: number | null;

  @Authorized(Role.ADMIN)
  @Field(() => Role, { nullable: true, description: 'The role of the key, when the write came through the API.' })
  @Column('varchar', { length: 16, nullable: true })
  role: Role | null;

  @Authorized(Role.ADMIN)
  @Field({ description: 'The mutation or command, e.g. `fileLawsuit`, `importSource`, `cli:import`.' })
  @Index()
  @Column('varchar', { length: 64 })
  action: string;

  @Authorized(Role.ADMIN)
  @Field(() => ID, { nullable: true, description: 'Global ID of the main object written.' })
  @Column('varchar', { length: 128, nullable: true })
  subject: string | null;

  @Authorized(Role.ADMIN)
  @Field(() => [AuditChange])
  @Column('simple-json')
  changes: AuditChange[];
}
