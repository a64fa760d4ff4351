import type { FastifyInstance } from 'fastify';

/**
 * Security headers, computed once at start-up: they depend only on the configuration, so building
 * them per request (as helmet's Fastify plugin does, parsing the policy each time) is pure waste.
 * A route may still replace one (attachments send a sandboxing policy of their own).
 *
 * Pages (the web app, the API documentation) get helmet's browser set with a strict content
 * security policy. API answers are data, never rendered: they get the short set OWASP advises for
 * REST services, which is stricter — no resource may load at all, no framing, no caching of what
 * may be a TLP:AMBER record by a browser or a proxy.
 */
export function pageSecurityHeaders({ https }: { https: boolean }): Record<string, string> {
  const policy: [string, string][] = [
    ['default-src', "'self'"],
    ['base-uri', "'self'"],
    ['font-src', "'self' data:"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
    ['img-src', "'self' data:"],
    ['object-src', "'none'"],
    ['script-src', "'self'"],
    ['script-src-attr', "'none'"],
    // Mantine writes its theme variables into a <style> element.
    ['style-src', "'self' 'unsafe-inline'"],
    ['connect-src', "'self'"],
  ];
  const headers: Record<string, string> = {
    'content-security-policy': [
      ...policy.map(([directive, sources]) => `${directive} ${sources}`),
      // Only behind HTTPS: on plain HTTP inside an office network the upgrade would break every asset.
      ...(https ? ['upgrade-insecure-requests'] : []),
    ].join(';'),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    // The legacy XSS auditor did more harm than good; modern advice is to switch it off.
    'x-xss-protection': '0',
  };
  if (https) headers['strict-transport-security'] = HSTS;
  return headers;
}

const HSTS = 'max-age=31536000; includeSubDomains';

export function apiSecurityHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    'content-security-policy': "default-src 'none';frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
    ...(https ? { 'strict-transport-security': HSTS } : {}),
  };
}

/** The API documentation is a page (Swagger UI), though it lives under /api/. */
const isApiAnswer = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/v1/docs');

export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  const page = pageSecurityHeaders(options);
  const api = apiSecurityHeaders(options);
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(isApiAnswer(request.url) ? api : page);
    done();
  });
}
