import { CreatedToken, CreateTokenBody, LoginBody, Me, Ok } from '@cdp/protocol';
import type { HttpServer } from '../../platform/http/http-server.ts';
import { principalOf, SESSION_COOKIE } from './auth.guard.ts';
import type { AuthService } from './auth.service.ts';

export function authRoutes(app: HttpServer, auth: AuthService, secureCookies: boolean): void {
  app.post(
    '/auth/login',
    {
      config: { permission: 'public', rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Log in to the console (sets a session cookie)',
        body: LoginBody,
        response: { 200: Me },
      },
    },
    async (request, reply) => {
      const { secret, expiresAt, me } = await auth.login(
        request.body.email,
        request.body.password,
        request.ip,
        request.headers['user-agent'] ?? null,
      );
      reply.setCookie(SESSION_COOKIE, secret, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookies,
        expires: expiresAt,
      });
      return me;
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { permission: 'public' },
      schema: { tags: ['auth'], summary: 'End the session', response: { 200: Ok } },
    },
    async (request, reply) => {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) await auth.logout(cookie);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    {
      config: { permission: 'events:read' },
      schema: { tags: ['auth'], summary: 'The current user', response: { 200: Me } },
    },
    (request) => auth.me(principalOf(request)),
  );

  app.post(
    '/tokens',
    {
      config: { permission: 'tokens:write' },
      schema: {
        tags: ['auth'],
        summary: 'Create an admin API token (shown once)',
        body: CreateTokenBody,
        response: { 200: CreatedToken },
      },
    },
    (request) => auth.createToken(request.body.name, 'admin', principalOf(request).workspaceId),
  );
}
