/** The names AWS credentials go by: their keys, their expiry fields, and the names code gives the objects. */

/**
 * The keys of a credentials object: v3 identities and v2 `AWS.Credentials` (`accessKeyId`, …), STS responses'
 * `Credentials` and `credential_process` output (`AccessKeyId`, …).
 */
export const CREDENTIAL_KEY_NAMES: ReadonlySet<string> = new Set([
  'accessKeyId',
  'secretAccessKey',
  'sessionToken',
  'AccessKeyId',
  'SecretAccessKey',
  'SessionToken',
]);

/** The keys of a credentials object as the SDK takes it, in v3 identities and v2 `AWS.Credentials` alike. */
export const CREDENTIAL_KEYS: ReadonlySet<string> = new Set(['accessKeyId', 'secretAccessKey', 'sessionToken']);

/** The expiry fields of AWS credentials: STS `Expiration`, v3 identity `expiration`, v2 `expireTime`. */
export const CREDENTIAL_EXPIRY_NAMES: ReadonlySet<string> = new Set(['Expiration', 'expiration', 'expireTime']);

/** Names hand-made credential caches give the expiry; generic enough that they count only with stronger evidence. */
export const CACHE_EXPIRY_NAMES: ReadonlySet<string> = new Set([
  'expiresAt',
  'expiry',
  'expires',
  'expiresOn',
  'expiryTime',
  'expirationTime',
]);

/** `credentials`, `creds`, `Credentials`, `awsCredentials`, `cachedCreds`, `aws_credentials`, `roleCredentials()`. */
const CREDENTIAL_OBJECT_NAME = /^(?:credentials|creds)$|_(?:credentials|creds)$|[a-z\d](?:Credentials|Creds)$/i;

/** `session`, `sessions`, `roleSession`, `cachedSession`: a credentials object in a file that uses the SDK. */
const SESSION_OBJECT_NAME = /^sessions?$|[a-z\d]Sessions?$/i;

/** Whether `name` is an expiry field of credentials or of a hand-made credential cache. */
export function isExpiryName(name: string): boolean {
  return CREDENTIAL_EXPIRY_NAMES.has(name) || CACHE_EXPIRY_NAMES.has(name);
}

/** Whether a variable, member or function name says it holds AWS credentials. */
export function isCredentialObjectName(name: string): boolean {
  return CREDENTIAL_OBJECT_NAME.test(name);
}

/** Whether a name says "session": credentials only where the file also uses the AWS SDK. */
export function isSessionObjectName(name: string): boolean {
  return SESSION_OBJECT_NAME.test(name);
}

/**
 * Keys under which code passes the session token by mistake, and the SDK ignores (it reads `sessionToken`): the
 * shared credentials file's, the STS and metadata responses', other SDKs'. `token` is also v2's bearer-token option
 * (`AWS.Config` `token`), so it counts as misnamed only outside v2 options (`V2_BEARER_TOKEN_KEY`).
 */
export const MISNAMED_SESSION_TOKEN_KEYS: readonly string[] = [
  'aws_session_token',
  'awsSessionToken',
  'session_token',
  'SessionToken',
  'securityToken',
  'security_token',
  'SecurityToken',
  'Token',
  'token',
];

/** v2 configuration's bearer token (`AWS.Config` `token`), not a session token. */
export const V2_BEARER_TOKEN_KEY = 'token';
