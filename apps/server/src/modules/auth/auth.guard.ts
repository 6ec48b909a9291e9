import type { FastifyRequest } from 'fastify';
import type { HttpServer } from '../../platform/http/http-server.ts';
import { forbidden, notAuthenticated } from './auth.errors.ts';
import type { AuthService, Principal } from './auth.service.ts';
import { can, type Permission } from './permissions.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission this admin route needs, or 'public'. Routes without one are refused (fail closed). */
    permission?: Permission | 'public';
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

export const SESSION_COOKIE = 'cdp_session';

/** The caller; only valid on routes whose permission is not 'public'. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw notAuthenticated();
  return request.principal;
}

/** Authenticates (bearer token or session cookie) and authorises every route of the scope it is added to. */
export function addAuthGuard(app: HttpServer, auth: AuthService): void {
  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config.permission;
    if (permission === 'public') return;
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    const cookie = request.cookies[SESSION_COOKIE];
    const principal = bearer
      ? await auth.principalFromToken(bearer)
      : cookie
        ? await auth.principalFromSession(cookie)
        : null;
    if (!principal) throw notAuthenticated();
    if (!permission || !can(principal.role, permission)) throw forbidden(permission ?? 'undeclared');
    request.principal = principal;
  });
}
