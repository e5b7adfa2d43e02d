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
