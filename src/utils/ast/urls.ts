/**
 * Pure parsing of URL-ish strings: the host and path of `https://user@host:port/path`, `host:port/path`,
 * `//host`, `[::1]:4566`. No AST, no scope, no AWS knowledge.
 */

/** Stands for a part of a string the file does not define (`renderString` of scope/strings.ts writes it). */
export const UNKNOWN_TEXT = '\uFFFF';

/** A URL split at its host. */
export interface ParsedUrl {
  /** The text starts with a scheme (`https://`). */
  scheme: boolean;
  /** Lower case, IPv6 in brackets, parts the file does not define kept as `UNKNOWN_TEXT`; may be empty. */
  host: string;
  /** What follows the host and its port: `/latest/api/token`, `?x=1`, `''`. */
  path: string;
}

const SCHEME = /^[a-z][\d+.a-z-]*$/i;
/** Ends a host that is not in brackets. Not a space: prose that cites an address is no URL of it. */
const HOST_END = /[#/:?]/;

/**
 * Splits a URL, with or without scheme or userinfo, into host and path (the port is dropped).
 * E.g. `http://[FD00:EC2::254]:80/latest/api/token` → `{ host: '[fd00:ec2::254]', path: '/latest/api/token' }`,
 * `minio:9000` → host `minio`, `` `https://${account}.r2.cloudflarestorage.com` `` → host `￿.r2.cloudflarestorage.com`.
 * `undefined` for an IPv6 host whose bracket never closes.
 */
export function parseUrl(text: string): ParsedUrl | undefined {
  let rest = text.trimStart();
  const schemeEnd = rest.indexOf('://');
  const scheme = schemeEnd > 0 && SCHEME.test(rest.slice(0, schemeEnd));
  if (scheme) {
    rest = rest.slice(schemeEnd + 3);
  } else if (rest.startsWith('//')) {
    rest = rest.slice(2);
  }
  // `user:password@host`: the userinfo ends at the last `@` before the path.
  const authorityEnd = /[/?#]|$/.exec(rest)?.index ?? rest.length;
  const at = rest.lastIndexOf('@', authorityEnd);
  if (at >= 0 && at < authorityEnd) {
    rest = rest.slice(at + 1);
  }
  let hostEnd: number;
  if (rest.startsWith('[')) {
    hostEnd = rest.indexOf(']') + 1;
    if (hostEnd === 0) return undefined;
  } else {
    hostEnd = HOST_END.exec(rest)?.index ?? rest.length;
  }
  const host = rest.slice(0, hostEnd).toLowerCase();
  let path = rest.slice(hostEnd);
  if (path.startsWith(':')) {
    path = path.replace(/^:[\d\uFFFF]*/, '');
  }
  return { scheme, host, path };
}

/** The host of a URL-ish string (see `parseUrl`), without a trailing dot; `undefined` when it has none. */
export function getUrlHost(text: string): string | undefined {
  const host = parseUrl(text)?.host.replace(/\.$/, '');
  return host ? host : undefined;
}

/** A host option's value (`{ hostname: 'FD00:EC2::254' }`) as `parseUrl` spells hosts: IPv6 in brackets, lower case. */
export function normalizeHost(text: string): string {
  const host = text.trim().toLowerCase();
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** `http://host//` → `http://host`, in linear time (a `/\/+$/` replace backtracks on inner runs of slashes). */
export function trimTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '/') end--;
  return text.slice(0, end);
}

/** A path the file spells out: E.g. `/v2/metadata`, not `/v2/${kind}` nor `''`. */
export function isKnownPath(path: string): boolean {
  return path.length > 1 && !path.includes(UNKNOWN_TEXT);
}
