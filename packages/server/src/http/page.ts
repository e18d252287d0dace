import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Access } from './access';
import type { Actor, RequestMeta } from './context';
import type { Deps } from './deps';
import { AppError } from './errors';
import { requestMeta, type App } from './route';

/**
 * Server-rendered pages (HTML, text, XML) served outside the JSON API. Like API routes they declare their
 * access, which the central auth hook enforces; they are hidden from the OpenAPI document because they are
 * not part of the API contract. Query and path values are read leniently by each page (a bad value shows
 * the page without it, or the page's own 404), never as a problem document.
 */
export interface PageContext {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly deps: Deps;
  readonly meta: RequestMeta;
  readonly req: FastifyRequest;
  /** The signed-in staff user; throws for public pages. */
  readonly actor: () => Actor;
}

export interface PageResult {
  readonly status?: number;
  readonly body: string | Buffer;
  /** Content type; defaults to HTML. */
  readonly type?: string;
  readonly cacheControl: string;
  readonly vary?: string;
  /** Extra headers, e.g. `location` for a redirect. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface PageDef {
  readonly url: string;
  readonly access: Access;
  readonly summary: string;
  readonly handler: (ctx: PageContext) => Promise<PageResult>;
}

export function definePage(def: PageDef): PageDef {
  return def;
}

export function registerPage(app: App, deps: Deps, def: PageDef): void {
  app.route({
    method: 'GET',
    url: def.url,
    config: { access: def.access },
    schema: { hide: true, summary: def.summary },
    handler: async (req: FastifyRequest, reply: FastifyReply) => {
      const result = await def.handler({
        params: req.params as Record<string, string>,
        query: (req.query ?? {}) as Record<string, unknown>,
        deps,
        meta: requestMeta(req),
        req,
        actor: () => {
          if (req.actor === undefined) {
            throw new AppError('UNAUTHENTICATED');
          }
          return req.actor;
        },
      });
      void reply
        .code(result.status ?? 200)
        .type(result.type ?? 'text/html; charset=utf-8')
        .header('cache-control', result.cacheControl);
      if (result.vary !== undefined) {
        void reply.header('vary', result.vary);
      }
      for (const [k, v] of Object.entries(result.headers ?? {})) {
        void reply.header(k, v);
      }
      return reply.send(result.body);
    },
  });
}
