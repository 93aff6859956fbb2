import { Authorized, Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Node } from '../../common/node/node.interface';
import { NodeEntity } from '../../common/node/node.entity';
import { Role } from '../../common/role.enum';

/** An API key. Only the sha256 of the key is stored, and its first characters for display. */
@Entity('api_key')
@ObjectType({ implements: Node, description: 'An API key (admins only). The key itself is shown once, when created.' })
export class ApiKey extends NodeEntity {
  get nodeType() {
    return 'ApiKey';
  }

  @Authorized(Role.ADMIN)
  @Field({ description: 'Who or what the key is for.' })
  @Column()
  name: string;

  @Authorized(Role.ADMIN)
  @Field(() => Role)
  @Column('varchar', { length: 16 })
  role: Role;

  @Authorized(Role.ADMIN)
  @Field({ description: 'The first characters of the key, to recognise it.' })
  @Column('varchar', { length: 16 })
  prefix: string;

  /** sha256 (hex) of the whole key. */
  @Index({ unique: true })
  @Column('varchar', { length: 64 })
  hash: string;

  @Authorized(Role.ADMIN)
  @Field({ description: 'ISO 8601 timestamp.' })
  @Column('varchar', { length: 32 })
  createdAt: string;

  @Authorized(Role.ADMIN)
  @Field(() => Int, {
    nullable: true,
    description: "The query cost this key may spend per minute; null: the server's default for every client (CLIENT_COST_BUDGET).",
  })
  @Column('integer', { nullable: true })
  costBudget: number | null;

  @Authorized(Role.ADMIN)
  @Field(() => String, { nullable: true, description: 'ISO 8601 timestamp; a revoked key is refused.' })
  @Column('varchar', { length: 32, nullable: true })
  revokedAt: string | null;
}
