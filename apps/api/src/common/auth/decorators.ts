import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from "@nestjs/common";
import { PERMISSIONS, type TPermission, type TRole } from "@kt/contract";
import type { AuthContext } from "./auth-context";

export const IS_PUBLIC = "kt:public";
export const ALLOWED_ROLES = "kt:roles";
/** The permission a route was declared with, kept for the route-permission snapshot. */
export const REQUIRED_PERMISSION = "kt:permission";

/** The only way out of authentication. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Roles that may call a route. Every non-public route must declare them (checked at start-up). */
export const Allow = (...roles: TRole[]) => SetMetadata(ALLOWED_ROLES, roles);
export const AnyRole = () => Allow("admin", "manager", "finance", "viewer");

/** The caller's context, as resolved by the AuthGuard. */
export const Ctx = createParamDecorator((_: unknown, host: ExecutionContext): AuthContext => {
  const req = host.switchToHttp().getRequest();
  return req.auth as AuthContext;
});

/** Roles come from the shared permission map, so the Console hides exactly what the API refuses. */
export const RequirePermission = (permission: TPermission) =>
  applyDecorators(SetMetadata(REQUIRED_PERMISSION, permission), Allow(...PERMISSIONS[permission]));
