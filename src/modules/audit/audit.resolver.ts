import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { ConnectionArgs } from '../../common/pagination/connection.args';
import { ConnectionType } from '../../common/pagination/connection.type';
import type { RequestContext } from '../../context';
import { Role } from '../../common/role.enum';
import { AuditEntry } from './audit-entry.entity';

export const AuditEntryConnection = ConnectionType(AuditEntry, 'AuditEntry');

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized(Role.ADMIN)
  @Query(() => AuditEntryConnection, { description: 'Every write, newest first: who, when, what changed (admins).' })
  auditLog(@Args() args: ConnectionArgs, @Ctx() { services, loaders }: RequestContext) {
    return services.audit.connection(loaders, args);
  }
}
