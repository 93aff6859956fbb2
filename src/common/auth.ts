import type { AuthChecker } from 'type-graphql';
import { Role, roleIncludes } from './role.enum';
import { ForbiddenError, UnauthenticatedError } from './errors';

/** Who is calling: the API key sent as `Authorization: Bearer KEY`, or null for anonymous. */
export interface Viewer {
  keyId: number;
  name: string;
  role: Role;
  /** The key's own query cost budget per minute; null: the server's default (CLIENT_COST_BUDGET). */
  budget?: number | null;
}

/** Throws UNAUTHENTICATED without a key and FORBIDDEN with a key of a lower role. */
export function assertRole(viewer: Viewer | null, needed: Role, what = 'this field'): void {
  if (!viewer) throw new UnauthenticatedError(`${what} needs an API key with role ${needed}: send \`Authorization: Bearer KEY\``);
  if (!roleIncludes(viewer.role, needed)) {
    throw new ForbiddenError(`${what} needs role ${needed}; the key "${viewer.name}" has role ${viewer.role}`);
  }
}

/**
 * type-graphql's check for `@Authorized(Role.X)`, run for every field that has it, however it is reached.
 * It reads only the context's viewer (the kernel does not know the whole request context, which lists every module's services).
 */
export const authChecker: AuthChecker<{ viewer: Viewer | null }, Role> = ({ context, info }, roles) => {
  const needed = roles.length ? roles.reduce((a, b) => (roleIncludes(a, b) ? b : a)) : Role.VIEWER;
  assertRole(context.viewer, needed, `${info.parentType.name}.${info.fieldName}`);
  return true;
};
