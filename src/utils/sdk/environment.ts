import { isSecretAccessKeyName, isSessionTokenName } from './secrets.js';

/**
 * The environment variables the SDK reads credentials from: `fromEnv` in `@aws-sdk/credential-provider-env`
 * (https://github.com/aws/aws-sdk-js-v3/blob/main/packages/credential-provider-env/src/fromEnv.ts) and v2
 * `AWS.EnvironmentCredentials`; `AWS_SECURITY_TOKEN` is the legacy name of the session token.
 */

/** Every variable that makes up environment credentials: writing one hands the process static credentials. */
export const CREDENTIAL_ENV_VARIABLES: ReadonlySet<string> = new Set([
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
]);

/** The variables that hold a secret; the access key ID and the expiration identify credentials without one. */
export const SECRET_ENV_VARIABLES: ReadonlySet<string> = new Set([
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
]);

/**
 * The environment variable a hardcoded value named `name` belongs in: the SDK's own for AWS credential names
 * (`secretAccessKey` → `AWS_SECRET_ACCESS_KEY`, `sessionToken` → `AWS_SESSION_TOKEN`, `accessKeyId` →
 * `AWS_ACCESS_KEY_ID`), else the name in upper snake case (`apiSecret` → `API_SECRET`); `undefined` when the name
 * gives no identifier.
 */
export function getEnvironmentVariableName(name: string): string | undefined {
  if (isSessionTokenName(name)) return 'AWS_SESSION_TOKEN';
  if (isSecretAccessKeyName(name)) return 'AWS_SECRET_ACCESS_KEY';
  const compact = name.replaceAll(/[^a-z0-9]/gi, '').toLowerCase();
  if (['accesskeyid', 'accesskey', 'keyid'].some((end) => compact.endsWith(end))) return 'AWS_ACCESS_KEY_ID';
  const snake = name
    .replaceAll(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replaceAll(/[^a-z0-9]+/gi, '_')
    .replaceAll(/^_+|_+$/g, '')
    .toUpperCase();
  return /^[A-Z][A-Z0-9_]*$/.test(snake) ? snake : undefined;
}
