export { addAuthGuard, principalOf, SESSION_COOKIE } from './auth.guard.ts';
export { authRoutes } from './auth.routes.ts';
export { AuthService, DEFAULT_WORKSPACE, LOGIN_LIMITS, type Principal } from './auth.service.ts';
export type { AuthTables } from './auth.tables.ts';
export { can, PERMISSIONS, type Permission, ROLE_PERMISSIONS } from './permissions.ts';
