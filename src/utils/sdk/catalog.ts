/**
 * What this plugin knows of the AWS SDK surface: module ids, exported names and what each one means.
 * Data and classification only; `sdk-references.ts` turns it into trace maps for the ReferenceTracker.
 */
/** The v3 credential provider factories (`@aws-sdk/credential-providers` and the single-provider packages). */
export type ProviderName =
  | 'createCredentialChain'
  | 'defaultProvider'
  | 'fromCognitoIdentity'
  | 'fromCognitoIdentityPool'
  | 'fromContainerMetadata'
  | 'fromEnv'
  | 'fromHttp'
  | 'fromIni'
  | 'fromInstanceMetadata'
  | 'fromNodeProviderChain'
  | 'fromProcess'
  | 'fromSSO'
  | 'fromTemporaryCredentials'
  | 'fromTokenFile'
  | 'fromWebToken';

/** v2 `AWS.Credentials` and the provider classes derived from it. */
export type V2CredentialsName =
  | 'ChainableTemporaryCredentials'
  | 'CognitoIdentityCredentials'
  | 'CredentialProviderChain'
  | 'Credentials'
  | 'EC2MetadataCredentials'
  | 'ECSCredentials'
  | 'EnvironmentCredentials'
  | 'FileSystemCredentials'
  | 'ProcessCredentials'
  | 'RemoteCredentials'
  | 'SAMLCredentials'
  | 'SharedIniFileCredentials'
  | 'SsoCredentials'
  | 'TemporaryCredentials'
  | 'TokenFileWebIdentityCredentials'
  | 'WebIdentityCredentials';

/**
 * The meaning of a tracked reference, stored in the trace-map leaf so that rules filter on `kind` instead of
 * re-reading the import path. `service` is normalized (`secrets-manager`, `SecretsManager` → `secretsmanager`).
 */
export type SdkInfo =
  /** `new S3Client(config)`, `new S3(config)` (v3), `new AWS.S3(options)` (v2). */
  | { kind: 'client'; sdk: 'v2' | 'v3'; service: string; name: string }
  /** `new AssumeRoleCommand(input)`. */
  | { kind: 'command'; service: string; operation: string }
  /** `fromIni(init)`, `fromNodeProviderChain()`, ... */
  | { kind: 'provider'; name: ProviderName }
  /** `memoize(provider)` from `@smithy/property-provider`. */
  | { kind: 'memoize' }
  /** v3 `getSignedUrl(client, command, options)`. */
  | { kind: 'presign' }
  /** v3 `createPresignedPost(client, { Bucket, Key, Conditions, Fields, Expires })` of `@aws-sdk/s3-presigned-post`. */
  | { kind: 'presignedPost' }
  /** `new AWS.Credentials(...)`, `new AWS.SharedIniFileCredentials(...)`, ... */
  | { kind: 'v2Credentials'; name: V2CredentialsName }
  /** `new AWS.Config(options)`. */
  | { kind: 'v2Config' }
  /** `AWS.config`: the global v2 configuration object. */
  | { kind: 'v2GlobalConfig' }
  /** `new AWS.MetadataService(options)`. */
  | { kind: 'v2MetadataService' }
  /**
   * A signer outside the SDK clients that keeps what it is given under `option`: `new SignatureV4({ credentials })`,
   * opensearch's `AwsSigv4Signer({ getCredentials })`, `aws-opensearch-connector({ credentials })`. Two signers take
   * them elsewhere: `secondArgument`, the second argument is the credentials object (`aws4.sign(request,
   * credentials)`); `flattenedKeys`, the first argument holds `accessKeyId`, `secretAccessKey` and `sessionToken`
   * (aws4fetch `new AwsClient({ accessKeyId, … })`), kept as they are for the signer's whole life.
   */
  | {
      kind: 'signer';
      name: string;
      option: 'credentials' | 'getCredentials' | 'secondArgument' | 'flattenedKeys';
      construct: boolean;
      /** The export, when it is not `name`: `sign` of `aws4`, which messages name `aws4.sign`. */
      member?: string;
      /**
       * Writes the signature into the request object it is given as first argument, and signs a request that
       * already has an `X-Amz-Date` header with that date (`prepareRequest` in mhart/aws4 `aws4.js`).
       */
      signsRequest?: boolean;
      /**
       * Calls a provider given as `credentials` again at every signature, memoizing nothing: `SignatureV4`
       * (`normalizeProvider` in `@smithy/signature-v4`), and the RDS and DSQL signers, which build one per token.
       */
      asksEachSignature?: boolean;
    }
  /**
   * An Amplify call that resolves a Cognito identity pool's credentials once: v6 `fetchAuthSession()` (its
   * `credentials`), v5 `Auth.currentCredentials()` and `Auth.essentialCredentials(credentials)`.
   */
  | { kind: 'authSession'; name: AuthSessionName }
  /** v2 `new AWS.RDS.Signer(options)`: presigns IAM database auth tokens (aws-sdk `lib/rds/signer.js`). */
  | { kind: 'authTokenSigner'; name: string };

/** What a signer export is (the `signer` entries of `SdkInfo`). */
export type SignerInfo = Extract<SdkInfo, { kind: 'signer' }>;

/** The Amplify auth calls whose result holds credentials of that moment (`AuthSession.credentials`, `ICredentials`). */
export type AuthSessionName = 'fetchAuthSession' | 'currentCredentials' | 'essentialCredentials';

const AMPLIFY_V5_AUTH_CALLS: readonly AuthSessionName[] = ['currentCredentials', 'essentialCredentials'];

/**
 * The Amplify modules that export those calls, by module: the member path of each, ending in its name. v6
 * `fetchAuthSession` is `@aws-amplify/core`'s, re-exported by `@aws-amplify/auth` and `aws-amplify/auth`
 * (amplify-js `packages/auth/src/index.ts`, `packages/aws-amplify/src/auth/index.ts`); v5 `Auth` is a named and the
 * default export of `@aws-amplify/auth`, re-exported by `aws-amplify`, and `Amplify.Auth` once registered
 * (amplify-js v5 `packages/auth/src/index.ts`, `packages/core/src/Amplify.ts`). Not the `/server` variants: they take
 * the request's context and serve one request.
 */
export const AUTH_SESSION_PACKAGES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  'aws-amplify/auth': [['fetchAuthSession']],
  '@aws-amplify/core': [['fetchAuthSession']],
  '@aws-amplify/auth': [
    ['fetchAuthSession'],
    ...AMPLIFY_V5_AUTH_CALLS.flatMap((name) => [['Auth', name], ['default', name]]),
  ],
  'aws-amplify': AMPLIFY_V5_AUTH_CALLS.flatMap((name) => [['Auth', name], ['Amplify', 'Auth', name], ['default', 'Auth', name]]),
};

/**
 * The operations whose response carries temporary credentials, by service: STS (`Credentials`), Cognito identity
 * pools (`GetCredentialsForIdentity`, secret under `SecretKey`) and IAM Identity Center (`GetRoleCredentials`).
 * A v2 client, or a v3 aggregated one, spells the operation as a method with a lowercase first letter
 * (`assumeRole`).
 */
export const CREDENTIAL_RESPONSE_OPERATIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [
    'sts',
    new Set(['AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity', 'GetFederationToken', 'GetSessionToken']),
  ],
  ['cognitoidentity', new Set(['GetCredentialsForIdentity'])],
  ['sso', new Set(['GetRoleCredentials'])],
]);

/** Whether the response of `service`'s `operation` (`sts`, `AssumeRole`) carries temporary credentials. */
export function isCredentialResponseOperation(service: string, operation: string): boolean {
  return CREDENTIAL_RESPONSE_OPERATIONS.get(service)?.has(operation) ?? false;
}

/** The operation a client method names: `assumeRole` → `AssumeRole`. */
export function getMethodOperation(method: string): string {
  return method.charAt(0).toUpperCase() + method.slice(1);
}

/** The method that names an operation on a client: `AssumeRole` → `assumeRole`. */
export function getOperationMethod(operation: string): string {
  return operation.charAt(0).toLowerCase() + operation.slice(1);
}

/** The package that exports every v3 credential provider: where suggestions import them from. */
export const CREDENTIAL_PROVIDERS_MODULE = '@aws-sdk/credential-providers';

/**
 * The v3 providers that ask the instance or container metadata service, and default to a single attempt
 * (`fromHttp` retries 3 times by default and is not one).
 */
export const METADATA_PROVIDERS: ReadonlySet<ProviderName> = new Set<ProviderName>([
  'fromContainerMetadata',
  'fromInstanceMetadata',
]);

/**
 * The interval suggestions give `createCredentialChain(…).expireAfter(ms)`: the one its README uses (the client calls
 * the chain again about every 10 minutes); `expireAfter` throws below 5 minutes.
 */
export const EXPIRE_AFTER = '15 * 60_000';

export const PROVIDER_PACKAGES: Readonly<Record<string, readonly ProviderName[]>> = {
  '@aws-sdk/credential-providers': [
    'createCredentialChain',
    'fromCognitoIdentity',
    'fromCognitoIdentityPool',
    'fromContainerMetadata',
    'fromEnv',
    'fromHttp',
    'fromIni',
    'fromInstanceMetadata',
    'fromNodeProviderChain',
    'fromProcess',
    'fromSSO',
    'fromTemporaryCredentials',
    'fromTokenFile',
    'fromWebToken',
  ],
  '@aws-sdk/credential-provider-cognito-identity': ['fromCognitoIdentity', 'fromCognitoIdentityPool'],
  '@aws-sdk/credential-provider-env': ['fromEnv'],
  '@aws-sdk/credential-provider-http': ['fromHttp'],
  '@aws-sdk/credential-provider-imds': ['fromContainerMetadata', 'fromInstanceMetadata'],
  '@aws-sdk/credential-provider-ini': ['fromIni'],
  '@aws-sdk/credential-provider-node': ['defaultProvider'],
  '@aws-sdk/credential-provider-process': ['fromProcess'],
  '@aws-sdk/credential-provider-sso': ['fromSSO'],
  '@aws-sdk/credential-provider-web-identity': ['fromTokenFile', 'fromWebToken'],
  '@smithy/credential-provider-imds': ['fromContainerMetadata', 'fromInstanceMetadata'],
};

/** Every v2 credentials class, with `Credentials` itself: the one that never refreshes. */
export const V2_CREDENTIALS_CLASSES: ReadonlySet<V2CredentialsName> = new Set<V2CredentialsName>([
  'ChainableTemporaryCredentials',
  'CognitoIdentityCredentials',
  'CredentialProviderChain',
  'Credentials',
  'EC2MetadataCredentials',
  'ECSCredentials',
  'EnvironmentCredentials',
  'FileSystemCredentials',
  'ProcessCredentials',
  'RemoteCredentials',
  'SAMLCredentials',
  'SharedIniFileCredentials',
  'SsoCredentials',
  'TemporaryCredentials',
  'TokenFileWebIdentityCredentials',
  'WebIdentityCredentials',
]);

/** PascalCase members of the v2 `AWS` namespace that are not service classes. */
const V2_CORE_NAMES: ReadonlySet<string> = new Set([
  ...V2_CREDENTIALS_CLASSES,
  'Config',
  'DiscoverEndpoint',
  'Endpoint',
  'EventListeners',
  'HttpClient',
  'HttpRequest',
  'HttpResponse',
  'IniLoader',
  'MetadataService',
  'Model',
  'NodeHttpClient',
  'ParamValidator',
  'Protocol',
  'Request',
  'ResourceWaiter',
  'Response',
  'SequentialExecutor',
  'Service',
  'Signers',
  'SSOTokenProvider',
  'StaticTokenProvider',
  'Token',
  'TokenProviderChain',
  'XHRClient',
]);

export const V3_CLIENT_PREFIX = '@aws-sdk/client-';
export const V2_CLIENT_PREFIX = 'aws-sdk/clients/';

/**
 * Globals that hold a whole SDK module. The v2 browser build (a script tag) sets `window.AWS` and `self.AWS` to the
 * same namespace that `require('aws-sdk')` yields (aws-sdk `lib/browser.js`).
 */
export const SDK_MODULE_GLOBALS: Readonly<Record<string, string>> = { AWS: 'aws-sdk' };

/**
 * v2 classes nested in a service class that build their own service object from the options they are given, the
 * service's options, or use the one given as `service`: clients themselves (aws-sdk `lib/dynamodb/document_client.js`
 * and `lib/polly/presigner.js`, `bindServiceObject`). Not `S3.ManagedUpload`, which builds `new AWS.S3({ params })`
 * and ignores every other option; nor `RDS.Signer` and `CloudFront.Signer`, which build no service.
 */
const V2_NESTED_CLIENTS: Readonly<Record<string, readonly string[]>> = {
  DynamoDB: ['DocumentClient'],
  Polly: ['Presigner'],
};

/**
 * The signers outside the SDK clients, by module: the export (`''` for the module itself), and the option that takes
 * the credentials. `SignatureV4` asks its provider again at every signature; opensearch's signer calls
 * `getCredentials` again only when the cached object carries an expiry.
 */
export const SIGNER_PACKAGES: Readonly<Record<string, SignerInfo | readonly SignerInfo[]>> = {
  '@smithy/signature-v4': { kind: 'signer', name: 'SignatureV4', option: 'credentials', construct: true, asksEachSignature: true },
  '@aws-sdk/signature-v4': { kind: 'signer', name: 'SignatureV4', option: 'credentials', construct: true, asksEachSignature: true },
  '@opensearch-project/opensearch/aws': {
    kind: 'signer',
    name: 'AwsSigv4Signer',
    option: 'getCredentials',
    construct: false,
  },
  'aws-opensearch-connector': { kind: 'signer', name: 'aws-opensearch-connector', option: 'credentials', construct: false },
  // IAM database auth tokens: presigned by a `SignatureV4` built from these `credentials` at each `getAuthToken()`.
  '@aws-sdk/rds-signer': { kind: 'signer', name: 'Signer', option: 'credentials', construct: true, asksEachSignature: true },
  '@aws-sdk/dsql-signer': { kind: 'signer', name: 'DsqlSigner', option: 'credentials', construct: true, asksEachSignature: true },
  // `aws4.sign(request, credentials)` signs with what it is given, or `process.env` read at each call
  // (`RequestSigner` in mhart/aws4 `aws4.js`); CommonJS, so `import aws4 from 'aws4'` is the module itself.
  aws4: { kind: 'signer', name: 'aws4.sign', member: 'sign', option: 'secondArgument', construct: false, signsRequest: true },
  // mhart/aws4fetch `src/main.js`: both classes copy the keys into fields in the constructor.
  aws4fetch: [
    { kind: 'signer', name: 'AwsClient', option: 'flattenedKeys', construct: true },
    { kind: 'signer', name: 'AwsV4Signer', option: 'flattenedKeys', construct: true },
  ],
};

/** The signers `moduleId` exports, if it is one of `SIGNER_PACKAGES`. */
export function getSigners(moduleId: string): readonly SignerInfo[] {
  const signers = Object.hasOwn(SIGNER_PACKAGES, moduleId) ? SIGNER_PACKAGES[moduleId] : undefined;
  return signers === undefined ? [] : Array.isArray(signers) ? signers : [signers as SignerInfo];
}

/**
 * The methods that return an IAM database auth token, by signer name: a presigned URL that lives 15 minutes
 * (`expiresIn: 900` in `packages/rds-signer/src/Signer.ts`, `expiresIn ?? 900` in `packages/dsql-signer/src/Signer.ts`
 * of aws-sdk-js-v3; v2 `lib/rds/signer.js`: 900 seconds, synchronous without a callback).
 */
export const AUTH_TOKEN_METHODS: Readonly<Record<string, readonly string[]>> = {
  Signer: ['getAuthToken'],
  DsqlSigner: ['getDbConnectAuthToken', 'getDbConnectAdminAuthToken'],
  'RDS.Signer': ['getAuthToken'],
};

/** v2 classes nested in a service class that presign auth tokens: `new AWS.RDS.Signer(options)`. */
const V2_NESTED_AUTH_SIGNERS: Readonly<Record<string, readonly string[]>> = { RDS: ['Signer'] };

/** The auth-token signers nested in the v2 service `service` (normalized): `rds` → `RDS.Signer`. */
export function getV2NestedAuthSigners(service: string): { member: string; info: SdkInfo }[] {
  const serviceClass = Object.keys(V2_NESTED_AUTH_SIGNERS).find((name) => normalizeService(name) === service);
  return (serviceClass ? V2_NESTED_AUTH_SIGNERS[serviceClass] ?? [] : []).map((member) => ({
    member,
    info: { kind: 'authTokenSigner', name: `${serviceClass}.${member}` },
  }));
}

/**
 * Text that every module id the catalog covers contains, and the v2 browser global's uses (`AWS.S3`, `AWS['S3']`):
 * a file whose text holds none of them reaches no SDK module (short of building the id at run time).
 */
export const SDK_TEXT_MARKERS: readonly string[] = [
  'aws-sdk',
  '@smithy/',
  'AWS.',
  'AWS[',
  // Every Amplify module id: `aws-amplify`, `aws-amplify/auth`, `@aws-amplify/auth`, `@aws-amplify/core`.
  'aws-amplify',
  // The other signer modules as quoted specifiers: a bare `aws4` also matches the `aws4_request` of every SigV4 file.
  ...Object.keys(SIGNER_PACKAGES)
    .filter((moduleId) => !moduleId.includes('aws-sdk') && !moduleId.includes('@smithy/'))
    .flatMap((moduleId) => [`'${moduleId}`, `"${moduleId}`, `\`${moduleId}`]),
];

/** True for every module id that some trace map below covers; the cheap test behind the per-file bail-out. */
export function isSdkModule(moduleId: string): boolean {
  return (
    moduleId.startsWith(V3_CLIENT_PREFIX) ||
    moduleId === 'aws-sdk' ||
    moduleId === 'aws-sdk/global' ||
    moduleId.startsWith(V2_CLIENT_PREFIX) ||
    moduleId === '@aws-sdk/s3-request-presigner' ||
    moduleId === '@aws-sdk/s3-presigned-post' ||
    moduleId === '@smithy/property-provider' ||
    Object.hasOwn(PROVIDER_PACKAGES, moduleId) ||
    Object.hasOwn(SIGNER_PACKAGES, moduleId) ||
    Object.hasOwn(AUTH_SESSION_PACKAGES, moduleId)
  );
}

/** `@aws-sdk/client-secrets-manager` and `AWS.SecretsManager` both name the service `secretsmanager`. */
export function normalizeService(name: string): string {
  return name.replaceAll('-', '').toLowerCase();
}

/**
 * What a PascalCase export of a v3 client package is: `*Command` classes are commands; `S3Client` and the
 * aggregated `S3` class are clients (both take the client configuration); exceptions are nothing to us.
 */
export function classifyV3ClientExport(service: string, name: string): SdkInfo | undefined {
  if (name.endsWith('Command')) {
    return { kind: 'command', service, operation: name.slice(0, -'Command'.length) };
  }
  if (name.endsWith('Exception')) {
    return undefined;
  }
  return { kind: 'client', sdk: 'v3', service, name };
}

/**
 * The classes nested in the v2 service `service` (normalized, E.g. `dynamodb`): `DynamoDB.DocumentClient` is a
 * client of the `dynamodb` service named `DynamoDB.DocumentClient`.
 */
export function getV2NestedClients(service: string): { member: string; info: SdkInfo }[] {
  const serviceClass = Object.keys(V2_NESTED_CLIENTS).find((name) => normalizeService(name) === service);
  return (serviceClass ? V2_NESTED_CLIENTS[serviceClass] ?? [] : []).map((member) => ({
    member,
    info: { kind: 'client', sdk: 'v2', service, name: `${serviceClass}.${member}` },
  }));
}

/** What a PascalCase member of the v2 `AWS` namespace is, when it is not one of the core classes. */
export function classifyV2Member(name: string): SdkInfo | undefined {
  return V2_CORE_NAMES.has(name) ? undefined : { kind: 'client', sdk: 'v2', service: normalizeService(name), name };
}

/**
 * The error codes that mean the request's credentials have expired, under `name` (v3), `code` (v2) or `Code`: the
 * codes v2's `INVALIDATE_CREDENTIALS` listener marks the credentials expired on (aws-sdk `lib/event_listeners.js`),
 * without `RequestExpired`, which v3 classifies as clock skew (`@aws-sdk/service-error-classification`
 * `CLOCK_SKEW_ERROR_CODES`): a retry after the SDK corrects its clock offset can succeed. `ExpiredTokenException` is
 * also the class v3 clients export for it.
 */
export const EXPIRED_TOKEN_CODES: readonly string[] = ['ExpiredToken', 'ExpiredTokenException'];
