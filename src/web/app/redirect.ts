/** Only same-site paths: a `redirect` parameter must never send the reader to another site. */
export function safeRedirect(target: unknown): string {
  if (typeof target !== 'string' || !target.startsWith('/')) return '/';
  // "//host" and "/\host" are read by browsers as another site.
  if (target.startsWith('//') || target.startsWith('/\\')) return '/';
  if (target.startsWith('/login')) return '/';
  return target;
}
