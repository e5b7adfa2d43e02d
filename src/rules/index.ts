import type { TSESLint } from '@typescript-eslint/utils';

import type { PluginDocs } from '../utils/create-rule.js';
import noCapturedIdentityToken from './no-captured-identity-token.js';
import noClientPerRequest from './no-client-per-request.js';
import noCredentialLogging from './no-credential-logging.js';
import noCredentialsInEnv from './no-credentials-in-env.js';
import noHardcodedCredentials from './no-hardcoded-credentials.js';
import noOneShotCredentials from './no-one-shot-credentials.js';
import noRawMetadataRequests from './no-raw-metadata-requests.js';
import noRetryOnExpiredToken from './no-retry-on-expired-token.js';
import noReusedSignedRequest from './no-reused-signed-request.js';
import noStaticAuthToken from './no-static-auth-token.js';
import noStaticCredentials from './no-static-credentials.js';
import noUnrefreshedProfileCredentials from './no-unrefreshed-profile-credentials.js';
import requireClockSkewCorrection from './require-clock-skew-correction.js';
import requireCredentialExpiration from './require-credential-expiration.js';
import requireMetadataRetries from './require-metadata-retries.js';
import requireRefreshMargin from './require-refresh-margin.js';
import requireSessionToken from './require-session-token.js';
import validPresignExpiry from './valid-presign-expiry.js';
import validSessionDuration from './valid-session-duration.js';

export type PluginRule = TSESLint.RuleModule<string, readonly unknown[], PluginDocs>;

/** Every rule of the plugin by name, sorted alphabetically. */
export const rules: Record<string, PluginRule> = {
  'no-captured-identity-token': noCapturedIdentityToken,
  'no-client-per-request': noClientPerRequest,
  'no-credential-logging': noCredentialLogging,
  'no-credentials-in-env': noCredentialsInEnv,
  'no-hardcoded-credentials': noHardcodedCredentials,
  'no-one-shot-credentials': noOneShotCredentials,
  'no-raw-metadata-requests': noRawMetadataRequests,
  'no-retry-on-expired-token': noRetryOnExpiredToken,
  'no-reused-signed-request': noReusedSignedRequest,
  'no-static-auth-token': noStaticAuthToken,
  'no-static-credentials': noStaticCredentials,
  'no-unrefreshed-profile-credentials': noUnrefreshedProfileCredentials,
  'require-clock-skew-correction': requireClockSkewCorrection,
  'require-credential-expiration': requireCredentialExpiration,
  'require-metadata-retries': requireMetadataRetries,
  'require-refresh-margin': requireRefreshMargin,
  'require-session-token': requireSessionToken,
  'valid-presign-expiry': validPresignExpiry,
  'valid-session-duration': validSessionDuration,
};
