import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Access } from './http/access';
import { installAuthHook } from './http/auth-hook';
import type { Deps } from './http/deps';
import { AppError } from './http/errors';
import { installErrorHandler, sendProblem } from './http/error-handler';
import { registerPage } from './http/page';
import { registerRoute, type App } from './http/route';
import { allPages, allRoutes } from './http/routes';
import { installSecurityHeaders } from './http/security-headers';
import { randomUUID } from 'node:crypto';

export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
  readonly access: Access | undefined;
  readonly hidden: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RegisteredRoute[];
  }
}

const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function buildApp(deps: Deps, logger: FastifyBaseLogger): Promise<App> {
  const app = Fastify({
    loggerInstance: logger,
    genReqId: () => randomUUID(),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    // Router-level failures (bad URL encoding, over-long parameters) still answer as problem documents.
    frameworkErrors: (err, req, reply) => {
      const code = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URI_TOO_LONG' : 'MALFORMED_REQUEST';
      void sendProblem(reply, req, new AppError(code));
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('routeTable', [] as RegisteredRoute[]);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) {
      route.config = { ...route.config, access: { public: true, reason: 'API documentation.' } };
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      app.routeTable.push({ method, url: route.url, access: route.config?.access, hidden: route.schema?.hide === true });
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Ketapath API',
        version: '0.1.0',
        description:
          'Clinical platform for ketamine and esketamine therapy clinics. Errors are application/problem+json (RFC 9457) with a stable `code`. State-changing requests need the `x-ketapath-csrf` header (the session CSRF token).',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kp_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installErrorHandler(app);
  installSecurityHeaders(app, deps.config.cookieSecure);
  installAuthHook(app, deps);

  for (const def of allRoutes({ demo: deps.config.demo })) {
    registerRoute(app, deps, def);
  }
  for (const def of allPages()) {
    registerPage(app, deps, def);
  }
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: { public: true, reason: 'The API contract.' } } }, () => app.swagger());

  const webDist = deps.config.webDistDir ?? defaultWebDist;
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
    app.get('/assets/*', (req, reply) => reply.sendFile(`assets/${(req.params as { '*': string })['*']}`, { maxAge: '365d', immutable: true }));
  }
  app.setNotFoundHandler((req, reply) => {
    const isPage = (req.method === 'GET' || req.method === 'HEAD') && !req.url.startsWith('/api/') && !req.url.startsWith('/health/');
    if (isPage && hasWeb) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, req, new AppError('NOT_FOUND', { detail: 'No such endpoint.' }));
  });
  return app;
}
