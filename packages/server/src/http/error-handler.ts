import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, toProblem, type FieldIssue } from './errors';
import type { App } from './route';

function fromValidation(err: FastifyError): AppError {
  const context = err.validationContext ?? 'body';
  const fields: FieldIssue[] = (err.validation ?? []).map((v) => {
    const pointer = v.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    return {
      path: pointer === '' ? context : `${context}.${pointer}`,
      message: v.message ?? 'Invalid value',
      code: v.keyword,
    };
  });
  return new AppError('VALIDATION_FAILED', { fields });
}

const FASTIFY_CODES: Record<string, AppError['code']> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_REQUEST',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_BAD_URL: 'MALFORMED_REQUEST',
  FST_ERR_ASYNC_CONSTRAINT: 'MALFORMED_REQUEST',
};

/** Database errors a client can cause by racing another client; everything else is our bug. */
const DB_CODES: Record<string, AppError['code']> = {
  '23505': 'CONFLICT',
  '40001': 'CONFLICT',
  '40P01': 'CONFLICT',
};

/** Turn anything thrown into an AppError. Unknown errors become INTERNAL (and are logged). */
export function normaliseError(err: unknown): { error: AppError; unexpected: boolean } {
  if (err instanceof AppError) {
    return { error: err, unexpected: false };
  }
  const e = err as Partial<FastifyError> & { code?: string };
  const cause = (err as { cause?: { code?: unknown } }).cause;
  const dbCode = typeof cause?.code === 'string' ? cause.code : e.code;
  if (hasZodFastifySchemaValidationErrors(err) || (e.validation !== undefined && Array.isArray(e.validation))) {
    return { error: fromValidation(err as FastifyError), unexpected: false };
  }
  if (isResponseSerializationError(err)) {
    return { error: new AppError('INTERNAL'), unexpected: true };
  }
  const mapped = (e.code === undefined ? undefined : FASTIFY_CODES[e.code]) ?? (dbCode === undefined ? undefined : DB_CODES[dbCode]);
  if (mapped !== undefined) {
    const detail = mapped === 'CONFLICT' ? 'Someone else changed this at the same time. Reload and try again.' : undefined;
    return { error: new AppError(mapped, detail === undefined ? {} : { detail }), unexpected: false };
  }
  if (err instanceof SyntaxError || (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500)) {
    return { error: new AppError(e.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : e.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'MALFORMED_REQUEST'), unexpected: false };
  }
  return { error: new AppError('INTERNAL'), unexpected: true };
}

export function sendProblem(reply: FastifyReply, req: FastifyRequest, error: AppError): FastifyReply {
  for (const [k, v] of Object.entries(error.headers)) {
    void reply.header(k, v);
  }
  return reply.code(error.status).type('application/problem+json').send(toProblem(error, req.id));
}

/** The single place where errors become HTTP answers (RFC 9457 problem documents). */
export function installErrorHandler(app: App): void {
  app.setErrorHandler((err, req, reply) => {
    const { error, unexpected } = normaliseError(err);
    if (unexpected) {
      const e = err as Error & { code?: unknown };
      // Messages can quote values (e.g. database constraint errors); log type, code and stack frames only.
      req.log.error(
        { errType: e.name, errCode: e.code, stack: e.stack?.split('\n').slice(1).join('\n') },
        'unexpected error',
      );
    }
    return sendProblem(reply, req, error);
  });
}
