import type { App } from './route';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Conservative headers on every answer; API answers are never cached (they may hold patient data). */
export function installSecurityHeaders(app: App, hsts: boolean): void {
  app.addHook('onSend', async (req, reply, payload) => {
    void reply.header('X-Content-Type-Options', 'nosniff');
    void reply.header('Referrer-Policy', 'no-referrer');
    void reply.header('X-Frame-Options', 'DENY');
    void reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (hsts) {
      void reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
    if (!req.url.startsWith('/api/docs')) {
      void reply.header('Content-Security-Policy', CSP);
    }
    if (req.url.startsWith('/api/') || req.url.startsWith('/health/')) {
      void reply.header('Cache-Control', 'no-store');
    }
    return payload;
  });
}
