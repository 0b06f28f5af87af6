/** Conditional requests: whether a client's cached copy, named by `If-None-Match`, is still current. */

/** The strong entity tag of `version`: the version in quotes. */
export const entityTag = (version: string): string => `"${version}"`;

/**
 * Whether `If-None-Match` names `etag` (or is `*`); weak tags match too, as RFC 9110 asks
 * for this header.
 */
export function matchesEntityTag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const tags = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(etag);
}
