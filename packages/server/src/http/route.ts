import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Access } from './access';
import type { Actor, DeviceInfo, PatientActor, RequestMeta, SessionInfo } from './context';
import type { Deps } from './deps';
import { AppError } from './errors';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteSchema {
  readonly params?: z.ZodType;
  readonly querystring?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response: Readonly<Record<number, z.ZodType>>;
}

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface HandlerContext<S extends RouteSchema> {
  readonly params: Out<S['params']>;
  readonly query: Out<S['querystring']>;
  readonly body: Out<S['body']>;
  readonly deps: Deps;
  readonly meta: RequestMeta;
  readonly req: FastifyRequest;
  readonly reply: FastifyReply;
  /** The signed-in staff user; throws for public routes that have none. */
  readonly actor: () => Actor;
  /** The calling device on `device` routes when it used its token (null for a staff session). */
  readonly device: () => DeviceInfo | null;
  /** The signed-in patient on `portal` routes (their own record only); throws elsewhere. */
  readonly patient: () => PatientActor;
}

/** The success status is the first key of `schema.response`. */
type SuccessBody<S extends RouteSchema> = z.output<S['response'][keyof S['response'] & number]>;

export interface RouteDef<S extends RouteSchema = RouteSchema> {
  readonly method: Method;
  readonly url: string;
  readonly access: Access;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly schema: S;
  /** Return the body (sent with the success status), or send on `reply` yourself (CSV, PDF, streams). */
  readonly handler: (ctx: HandlerContext<S>) => Promise<SuccessBody<S> | FastifyReply>;
}

/** Declare a route: contract (zod), access and handler in one place; OpenAPI derives from it. */
export function defineRoute<S extends RouteSchema>(def: RouteDef<S>): RouteDef {
  return def;
}

export function requestMeta(req: FastifyRequest): RequestMeta {
  const ua = req.headers['user-agent'];
  return { requestId: req.id, ip: req.ip, userAgent: typeof ua === 'string' ? ua.slice(0, 512) : null };
}

/** Portal routes act on the signed-in patient only: a URL that names a patient or account is refused at start-up. */
export function assertPortalRouteShape(def: RouteDef): void {
  if ('portal' in def.access && /:(patientId|accountId|id)\b/.test(def.url)) {
    throw new Error(`Portal route ${def.method} ${def.url} must not take a record id from the URL; the patient comes from the session.`);
  }
}

export function registerRoute(app: App, deps: Deps, def: RouteDef): void {
  assertPortalRouteShape(def);
  const statuses = Object.keys(def.schema.response).map(Number);
  const successStatus = statuses[0] ?? 200;
  app.route({
    method: def.method,
    url: def.url,
    config: { access: def.access },
    schema: {
      ...def.schema,
      summary: def.summary,
      ...(def.description === undefined ? {} : { description: def.description }),
      tags: [...def.tags],
      ...('public' in def.access ? { security: [] } : {}),
    },
    handler: async (req, reply) => {
      const ctx: HandlerContext<RouteSchema> = {
        params: req.params,
        query: req.query,
        body: req.body,
        deps,
        meta: requestMeta(req),
        req,
        reply,
        actor: () => {
          if (req.actor === undefined) {
            throw new AppError('UNAUTHENTICATED');
          }
          return req.actor;
        },
        device: () => req.device ?? null,
        patient: () => {
          if (req.patient === undefined) {
            throw new AppError('UNAUTHENTICATED');
          }
          return req.patient;
        },
      };
      const result = await def.handler(ctx);
      if (reply.sent || result === reply) {
        return reply;
      }
      void reply.code(successStatus);
      return successStatus === 204 ? undefined : result;
    },
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    sessionInfo?: SessionInfo;
    device?: DeviceInfo;
    patient?: PatientActor;
  }
}
