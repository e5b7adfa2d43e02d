/**
 * A loopback stand-in for the two AWS endpoints the run-time proofs need: STS, which issues temporary credentials,
 * and S3, which accepts or rejects the requests signed with them. It listens on 127.0.0.1 on a random port, and a
 * client reaches it through `AWS_ENDPOINT_URL` (every SDK client, including the STS clients that credential
 * providers create inside the SDK, reads that variable), so no request can leave the machine.
 *
 * Why the sessions are short, and why the proofs do not sleep for an hour:
 * STS sessions last an hour by default and the SDK refreshes credentials 5 minutes before their `expiration`
 * (`EXPIRATION_MS = 300_000` in `memoizeIdentityProvider`; `credentialsTreatedAsExpired` in the default chain). The
 * stand-in issues sessions of `lifetimeMs` (2 seconds in the proofs) whatever `DurationSeconds` asks for. A client
 * whose credentials carry an `expiration` then finds them inside its 5-minute window at every call, so it calls its
 * provider again before every request: the fixed code refreshes on every call, and stays valid. Credentials without
 * an `expiration` are never asked for again (the SDK marks them constant), so the wrong code keeps signing with the
 * first session, and its calls fail as soon as 2 seconds have passed. Nothing in the SDK is mocked; only time is
 * short.
 *
 * One fix cannot be shown with 2-second sessions: `createCredentialChain(...).expireAfter(ms)` refuses less than 5
 * minutes, so it asks again only after 10 minutes. For that proof the stand-in and the program share a scaled
 * clock (`clock` below, and `Date` in the program, see `harness.ts`) that runs 1800 times faster than the wall clock:
 * an hour-long session lasts 2 real seconds, the 15-minute `expireAfter` half a second, and the SDK's 5-minute window
 * a sixth of a second. The same clock can also run ahead of the program's, to stand for a host clock that is slow.
 *
 * Errors are answered as each service does (status, code, message, XML shape):
 * - STS (Query protocol, `<ErrorResponse>`): unknown key, a temporary key sent without its token, or a token that does
 *   not belong to the key → 403 `InvalidClientTokenId` "The security token included in the request is invalid";
 *   expired session → 403 `ExpiredToken` "The security token included in the request is expired"; bad signature →
 *   403 `SignatureDoesNotMatch`; `GetSessionToken` with session credentials → 403 `AccessDenied`.
 * - S3 (REST-XML, `<Error>`): S3 has its own codes for the same situations, and the stand-in uses them:
 *   unknown key or a temporary key without its token → 403 `InvalidAccessKeyId` "The AWS Access Key Id you provided
 *   does not exist in our records." (as reported in databendlabs/databend#8069, prolane/samltoawsstskeys#40);
 *   expired session → 400 `ExpiredToken` "The provided token has expired." with the token echoed in `<Token-0>` (as
 *   reported in craftcms/aws-s3#182, romange/helio#15; the JS SDK surfaces it as `ExpiredToken: The provided token
 *   has expired.`, payloadcms/payload#8404); a token that does not belong to the key → 400 `InvalidToken` "The
 *   provided token is malformed or otherwise invalid."; bad signature → 403 `SignatureDoesNotMatch`.
 * - STS `AssumeRoleWithWebIdentity` (unsigned; the token is the proof of identity) accepts only the web identity
 *   tokens the stand-in minted (`issueWebIdentityToken`, the OIDC issuer of an EKS cluster), each until its own
 *   expiry: an expired one → 400 `ExpiredTokenException` "Token expired: current date/time … must be before the
 *   expiration date/time …" (the wording reported in aws/aws-sdk-java-v2#5709 and awslabs/aws-orbit-workbench#771;
 *   the code is the one the STS API reference lists for an expired web identity token); a string it never minted
 *   → 400 `InvalidIdentityToken`.
 * - An Amazon OpenSearch Service domain (requests signed for the service `es`, as aws4 signs them), answering JSON
 *   `{"message": …}` like its gateway: a signature whose `X-Amz-Date` is more than 5 minutes older than the
 *   stand-in's clock → 403 `{"message":"Signature expired: 20181010T154931Z is now earlier than 20181010T155002Z
 *   (20181010T155502Z - 5 min.)"}` (the body quoted in mhart/aws4#78 and #118; API Gateway and OpenSearch answer
 *   alike), and one more than 5 minutes in the future → "Signature not yet current: … is still later than … (… +
 *   5 min.)". S3 allows 15 minutes (`RequestTimeTooSkewed`) and is not given the check: no proof needs it, and the
 *   SDK's clients correct their clock from the `Date` header anyway.
 * Every signed request is verified with `@smithy/signature-v4` against the secret the stand-in issued.
 */
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SignatureV4 } from '@smithy/signature-v4';

export const ACCOUNT_ID = '123456789012';

/** What each service answers when the credentials of a request are not accepted. */
export const AWS_ERRORS = {
  sts: {
    InvalidClientTokenId: { status: 403, message: 'The security token included in the request is invalid' },
    ExpiredToken: { status: 403, message: 'The security token included in the request is expired' },
    SignatureDoesNotMatch: {
      status: 403,
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    },
    MissingAuthenticationToken: { status: 403, message: 'Request is missing Authentication Token' },
    AccessDenied: { status: 403, message: 'Cannot call GetSessionToken with session credentials' },
    // AssumeRoleWithWebIdentity; the message of an expired token names the two times (see `expiredTokenMessage`).
    ExpiredTokenException: {
      status: 400,
      message: 'Token expired: current date/time {now} must be before the expiration date/time {expiry}',
    },
    InvalidIdentityToken: {
      status: 400,
      message:
        'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.',
    },
  },
  s3: {
    InvalidAccessKeyId: { status: 403, message: 'The AWS Access Key Id you provided does not exist in our records.' },
    ExpiredToken: { status: 400, message: 'The provided token has expired.' },
    InvalidToken: { status: 400, message: 'The provided token is malformed or otherwise invalid.' },
    SignatureDoesNotMatch: {
      status: 403,
      message:
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    },
    AccessDenied: { status: 403, message: 'Access Denied' },
  },
  /** The OpenSearch domain (`es`) answers `{"message": …}` with no code; the keys here are the stand-in's names. */
  es: {
    InvalidClientTokenId: { status: 403, message: 'The security token included in the request is invalid.' },
    ExpiredToken: { status: 403, message: 'The security token included in the request is expired' },
    SignatureDoesNotMatch: {
      status: 403,
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    },
    MissingAuthenticationToken: { status: 403, message: 'Missing Authentication Token' },
    // "Signature expired: <X-Amz-Date> is now earlier than <now - 5 min> (<now> - 5 min.)", see `signatureDateError`.
    SignatureExpired: { status: 403, message: 'Signature expired: {date} is now earlier than {limit} ({now} - 5 min.)' },
    SignatureNotYetCurrent: {
      status: 403,
      message: 'Signature not yet current: {date} is still later than {limit} ({now} + 5 min.)',
    },
  },
} as const;

/** How far the `X-Amz-Date` of a request to the OpenSearch domain may be from the stand-in's clock. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;

type StsErrorCode = keyof typeof AWS_ERRORS.sts;
type S3ErrorCode = keyof typeof AWS_ERRORS.s3;
type EsErrorCode = keyof typeof AWS_ERRORS.es;

export interface StandInOptions {
  /** Lifetime of every session the STS endpoint issues, in ms of the stand-in's clock. */
  lifetimeMs: number;
  /** The stand-in's ("AWS's") clock; `Date.now` unless a proof scales time. */
  clock?: () => number;
}

export interface KeyPair {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface IssuedCredentials extends KeyPair {
  sessionToken: string;
  /** Which STS action issued them (or `harness` for keys handed out by a test's deploy step). */
  action: string;
  roleArn: string | undefined;
  callerAccessKeyId: string | undefined;
  issuedAt: number;
  expiresAt: number;
}

export interface RequestRecord {
  requestId: string;
  service: 'sts' | 's3' | 'es';
  operation: string;
  /** The access key named in the `Authorization` header (undefined for unsigned calls). */
  accessKeyId: string | undefined;
  at: number;
  status: number;
  /** The error code answered, if any (for `es`, the stand-in's name of the error: its answer has no code). */
  code: string | undefined;
  /** The message answered, if any. */
  message?: string;
  /** The request's `X-Amz-Date` header, as sent. */
  amzDate?: string;
  /** `AssumeRoleWithWebIdentity`: which minted token was presented (its index in `webIdentityTokens`), or -1. */
  webIdentityToken?: number;
}

export interface WebIdentityToken {
  token: string;
  issuedAt: number;
  expiresAt: number;
}

interface Principal {
  kind: 'user' | 'session';
  arn: string;
  secretAccessKey: string;
  session?: IssuedCredentials;
}

class AuthError extends Error {
  constructor(
    readonly code: string,
    readonly extra: Record<string, string> = {},
    /** The message, when it is built from the request (the dates of an expired signature). */
    readonly detail?: string,
  ) {
    super(code);
  }
}

/** The compact ISO form of `X-Amz-Date`. */
function formatAmzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[:-]|\.\d{3}/g, '');
}

/** The answer of a service with a 5-minute signature window to a request dated outside it, or undefined. */
function signatureDateError(amzDate: string, now: number): AuthError | undefined {
  const signedAt = parseAmzDate(amzDate).getTime();
  const fill = (template: string, limit: number) =>
    template.replace('{date}', amzDate).replace('{limit}', formatAmzDate(limit)).replace('{now}', formatAmzDate(now));
  if (signedAt < now - SIGNATURE_WINDOW_MS) {
    return new AuthError('SignatureExpired', {}, fill(AWS_ERRORS.es.SignatureExpired.message, now - SIGNATURE_WINDOW_MS));
  }
  if (signedAt > now + SIGNATURE_WINDOW_MS) {
    return new AuthError(
      'SignatureNotYetCurrent',
      {},
      fill(AWS_ERRORS.es.SignatureNotYetCurrent.message, now + SIGNATURE_WINDOW_MS),
    );
  }
  return undefined;
}

/** The `Date` header and SigV4 dates use this compact ISO form. */
function parseAmzDate(value: string): Date {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) throw new AuthError('SignatureDoesNotMatch');
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d, h, mi, s));
}

function randomKeyId(prefix: 'AKIA' | 'ASIA'): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return prefix + Array.from(randomBytes(16), (byte) => alphabet[byte % 32]).join('');
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** Shows at most the first and last 4 characters of a key. */
export function redact(value: string | undefined): string {
  if (!value) return String(value);
  return value.length <= 8 ? value : `${value.slice(0, 4)}…${value.slice(-4)}`;
}

/** `@smithy/signature-v4` needs a SHA-256 (and HMAC-SHA-256) hash object; node:crypto provides both. */
class NodeSha256 {
  private hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  constructor(private readonly secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = this.create();
  }
  private create() {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(this.secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBuffer(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.create();
  }
}

function toBuffer(data: string | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

export class AwsStandIn {
  /** Every session STS issued, in order. */
  readonly issued: IssuedCredentials[] = [];
  /** Every request received, in order, with the answer given. */
  readonly requests: RequestRecord[] = [];
  /** Every web identity token minted, in order (see `issueWebIdentityToken`). */
  readonly webIdentityTokens: WebIdentityToken[] = [];
  readonly clock: () => number;
  private readonly lifetimeMs: number;
  private readonly users = new Map<string, Principal>();
  private readonly sessions = new Map<string, IssuedCredentials>();
  private server: Server | undefined;
  private port = 0;

  constructor(options: StandInOptions) {
    this.lifetimeMs = options.lifetimeMs;
    this.clock = options.clock ?? Date.now;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** A long-term key (AKIA…) of an IAM user the stand-in knows: the source credentials of STS calls. */
  createUser(name: string): KeyPair {
    const keys = { accessKeyId: randomKeyId('AKIA'), secretAccessKey: randomBytes(30).toString('base64') };
    this.users.set(keys.accessKeyId, {
      kind: 'user',
      arn: `arn:aws:iam::${ACCOUNT_ID}:user/${name}`,
      secretAccessKey: keys.secretAccessKey,
    });
    return keys;
  }

  /** A session issued outside the program, e.g. by `aws sts assume-role` in a deploy step or by a sidecar. */
  issueSession(roleArn: string, sessionName: string): IssuedCredentials {
    return this.issue('harness', roleArn, sessionName, undefined);
  }

  /**
   * A web identity token of the cluster's OIDC issuer, valid for `lifetimeMs` of the stand-in's clock: what the
   * kubelet writes into the projected service-account token file. JWT-shaped; only the stand-in checks it.
   */
  issueWebIdentityToken(lifetimeMs: number): string {
    const issuedAt = this.clock();
    const expiresAt = issuedAt + lifetimeMs;
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = {
      iss: 'https://oidc.proof.local',
      sub: 'system:serviceaccount:proof:app',
      aud: 'sts.amazonaws.com',
      iat: Math.floor(issuedAt / 1000),
      exp: Math.floor(expiresAt / 1000),
      jti: randomUUID(),
    };
    const token = `${part({ alg: 'RS256', kid: 'proof' })}.${part(claims)}.${randomBytes(64).toString('base64url')}`;
    this.webIdentityTokens.push({ token, issuedAt, expiresAt });
    return token;
  }

  private issue(
    action: string,
    roleArn: string | undefined,
    sessionName: string,
    caller: string | undefined,
  ): IssuedCredentials {
    const issuedAt = this.clock();
    const credentials: IssuedCredentials = {
      accessKeyId: randomKeyId('ASIA'),
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(180).toString('base64')}`,
      action,
      roleArn: roleArn ?? `arn:aws:iam::${ACCOUNT_ID}:user/${sessionName}`,
      callerAccessKeyId: caller,
      issuedAt,
      expiresAt: issuedAt + this.lifetimeMs,
    };
    this.issued.push(credentials);
    this.sessions.set(credentials.accessKeyId, credentials);
    return credentials;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const requestId = randomUUID();
    const scope = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(request.headers.authorization ?? '')?.[1];
    const isSts =
      request.method === 'POST' &&
      url.pathname === '/' &&
      String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded') &&
      (scope === undefined || scope === 'sts');
    // AWS answers with its own clock in `Date`; the SDK corrects its signing clock from it.
    response.setHeader('Date', new Date(this.clock()).toUTCString());
    if (isSts) {
      await this.handleSts(request, response, body, requestId);
    } else if (scope === 'es') {
      await this.handleSearch(request, response, url, body, requestId);
    } else {
      await this.handleS3(request, response, url, body, requestId);
    }
  }

  /** Checks the SigV4 signature and the credentials behind it; throws an AuthError named like the S3/STS code. */
  private async authenticate(
    request: IncomingMessage,
    url: URL,
    body: Buffer,
    service: 'sts' | 's3' | 'es',
  ): Promise<{ principal: Principal; accessKeyId: string }> {
    const authorization = request.headers.authorization;
    if (!authorization) throw new AuthError(service === 's3' ? 'AccessDenied' : 'MissingAuthenticationToken');
    const fields =
      /^AWS4-HMAC-SHA256 Credential=(?<accessKeyId>[^/]+)\/\d{8}\/(?<region>[^/]+)\/(?<signingService>[^/]+)\/aws4_request, ?SignedHeaders=(?<signedHeaders>[^,]+), ?Signature=(?<signature>[0-9a-f]+)$/.exec(
        authorization,
      )?.groups;
    if (!fields) throw new AuthError(service === 's3' ? 'AccessDenied' : 'InvalidClientTokenId');
    const { accessKeyId, region, signingService, signedHeaders, signature } = fields;
    const token = request.headers['x-amz-security-token'] as string | undefined;
    const unknownKey = service === 's3' ? 'InvalidAccessKeyId' : 'InvalidClientTokenId';
    const session = this.sessions.get(accessKeyId!);
    const user = this.users.get(accessKeyId!);
    let principal: Principal;
    if (session) {
      // A temporary key is only valid together with its session token.
      if (token === undefined) throw new AuthError(unknownKey, { AWSAccessKeyId: accessKeyId! });
      if (token !== session.sessionToken) {
        throw new AuthError(service === 's3' ? 'InvalidToken' : 'InvalidClientTokenId', { 'Token-0': token });
      }
      if (session.expiresAt <= this.clock()) {
        throw new AuthError('ExpiredToken', service === 's3' ? { 'Token-0': token } : {});
      }
      principal = {
        kind: 'session',
        arn: session.roleArn!,
        secretAccessKey: session.secretAccessKey,
        session,
      };
    } else if (user && token === undefined) {
      principal = user;
    } else {
      throw new AuthError(unknownKey, { AWSAccessKeyId: accessKeyId! });
    }
    // Recompute the signature over exactly the headers the client signed.
    const headers: Record<string, string> = {};
    for (const name of signedHeaders!.split(';')) {
      const value = request.headers[name];
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
    }
    const payloadHash = createHash('sha256').update(body).digest('hex');
    const declaredHash = request.headers['x-amz-content-sha256'];
    if (declaredHash !== undefined && declaredHash !== 'UNSIGNED-PAYLOAD' && declaredHash !== payloadHash) {
      throw new AuthError('SignatureDoesNotMatch');
    }
    const query: Record<string, string> = {};
    for (const [key, value] of url.searchParams) query[key] = value;
    const signer = new SignatureV4({
      credentials: { accessKeyId: accessKeyId!, secretAccessKey: principal.secretAccessKey, sessionToken: token },
      region: region!,
      service: signingService!,
      sha256: NodeSha256,
      uriEscapePath: service !== 's3',
      applyChecksum: false,
    });
    const signed = await signer.sign(
      {
        method: request.method ?? 'GET',
        protocol: 'http:',
        hostname: '127.0.0.1',
        port: this.port,
        path: url.pathname,
        query,
        headers,
        body: body.length > 0 ? body.toString('utf8') : undefined,
      },
      {
        signingDate: parseAmzDate(String(request.headers['x-amz-date'])),
        signableHeaders: new Set(signedHeaders!.split(';')),
      },
    );
    const expected = /Signature=([0-9a-f]+)$/.exec(String(signed.headers.authorization))?.[1];
    if (expected !== signature) throw new AuthError('SignatureDoesNotMatch');
    if (service === 'es') {
      const dateError = signatureDateError(String(request.headers['x-amz-date']), this.clock());
      if (dateError) throw dateError;
    }
    return { principal, accessKeyId: accessKeyId! };
  }

  private record(record: Omit<RequestRecord, 'at'>): void {
    this.requests.push({ ...record, at: this.clock() });
  }

  private async handleSts(
    request: IncomingMessage,
    response: ServerResponse,
    body: Buffer,
    requestId: string,
  ): Promise<void> {
    const params = new URLSearchParams(body.toString('utf8'));
    const action = params.get('Action') ?? 'Unknown';
    const accessKeyId = /Credential=([^/]+)\//.exec(request.headers.authorization ?? '')?.[1];
    const fail = (code: StsErrorCode, detail?: string, record: Partial<RequestRecord> = {}) => {
      const { status } = AWS_ERRORS.sts[code];
      const message = detail ?? AWS_ERRORS.sts[code].message;
      this.record({ requestId, service: 'sts', operation: action, accessKeyId, status, code, message, ...record });
      response.writeHead(status, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId });
      response.end(
        `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n` +
          `  <Error>\n    <Type>Sender</Type>\n    <Code>${code}</Code>\n    <Message>${escapeXml(message)}</Message>\n  </Error>\n` +
          `  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`,
      );
    };
    const answerWith = (record: Partial<RequestRecord>, result: string) => {
      this.record({ requestId, service: 'sts', operation: action, accessKeyId, status: 200, code: undefined, ...record });
      response.writeHead(200, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId });
      response.end(
        `<${action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n` +
          `  <${action}Result>\n${result}  </${action}Result>\n` +
          `  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</${action}Response>\n`,
      );
    };
    const answer = (result: string) => answerWith({}, result);
    const credentialsXml = (credentials: IssuedCredentials) =>
      `    <Credentials>\n` +
      `      <AccessKeyId>${credentials.accessKeyId}</AccessKeyId>\n` +
      `      <SecretAccessKey>${escapeXml(credentials.secretAccessKey)}</SecretAccessKey>\n` +
      `      <SessionToken>${escapeXml(credentials.sessionToken)}</SessionToken>\n` +
      `      <Expiration>${new Date(credentials.expiresAt).toISOString()}</Expiration>\n` +
      `    </Credentials>\n`;
    const assumedRoleXml = (roleArn: string, sessionName: string) => {
      const roleName = roleArn.split('/').pop();
      return (
        `    <AssumedRoleUser>\n` +
        `      <AssumedRoleId>AROA${randomKeyId('AKIA').slice(4)}:${escapeXml(sessionName)}</AssumedRoleId>\n` +
        `      <Arn>arn:aws:sts::${ACCOUNT_ID}:assumed-role/${escapeXml(String(roleName))}/${escapeXml(sessionName)}</Arn>\n` +
        `    </AssumedRoleUser>\n`
      );
    };

    if (action === 'AssumeRoleWithWebIdentity') {
      // Unsigned: the web identity token is the proof of identity, valid until its own expiry.
      const presented = params.get('WebIdentityToken') ?? '';
      const index = this.webIdentityTokens.findIndex((minted) => minted.token === presented);
      const minted = this.webIdentityTokens[index];
      if (!minted) return fail('InvalidIdentityToken', undefined, { webIdentityToken: -1 });
      const now = this.clock();
      if (minted.expiresAt <= now) {
        const message = AWS_ERRORS.sts.ExpiredTokenException.message
          .replace('{now}', String(Math.floor(now / 1000)))
          .replace('{expiry}', String(Math.floor(minted.expiresAt / 1000)));
        return fail('ExpiredTokenException', message, { webIdentityToken: index });
      }
      const roleArn = params.get('RoleArn') ?? '';
      const sessionName = params.get('RoleSessionName') ?? 'web-identity';
      const credentials = this.issue(action, roleArn, sessionName, undefined);
      answerWith({ webIdentityToken: index }, 
        `    <SubjectFromWebIdentityToken>system:serviceaccount:proof:app</SubjectFromWebIdentityToken>\n` +
          `    <Audience>sts.amazonaws.com</Audience>\n` +
          credentialsXml(credentials) +
          assumedRoleXml(roleArn, sessionName) +
          `    <Provider>oidc.proof.local</Provider>\n`,
      );
      return;
    }

    let principal: Principal;
    try {
      ({ principal } = await this.authenticate(request, new URL('http://stand-in/'), body, 'sts'));
    } catch (error) {
      if (error instanceof AuthError) return fail(error.code as StsErrorCode);
      throw error;
    }
    if (action === 'AssumeRole') {
      const roleArn = params.get('RoleArn') ?? '';
      const sessionName = params.get('RoleSessionName') ?? 'session';
      const credentials = this.issue(action, roleArn, sessionName, accessKeyId);
      answer(credentialsXml(credentials) + assumedRoleXml(roleArn, sessionName));
    } else if (action === 'GetSessionToken') {
      if (principal.kind !== 'user') return fail('AccessDenied');
      answer(credentialsXml(this.issue(action, principal.arn, 'session', accessKeyId)));
    } else if (action === 'GetCallerIdentity') {
      answer(
        `    <Arn>${escapeXml(principal.arn)}</Arn>\n    <UserId>${accessKeyId}</UserId>\n    <Account>${ACCOUNT_ID}</Account>\n`,
      );
    } else {
      response.writeHead(400, { 'Content-Type': 'text/xml' });
      response.end(`<ErrorResponse><Error><Code>InvalidAction</Code></Error></ErrorResponse>`);
    }
  }

  private async handleS3(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    body: Buffer,
    requestId: string,
  ): Promise<void> {
    const [, bucketPart = '', ...keyParts] = url.pathname.split('/');
    const bucket = decodeURIComponent(bucketPart);
    const key = decodeURIComponent(keyParts.join('/'));
    const operation = request.method === 'HEAD' ? 'HeadBucket' : key ? 'GetObject' : 'ListObjectsV2';
    const accessKeyId = /Credential=([^/]+)\//.exec(request.headers.authorization ?? '')?.[1];
    const headers = {
      'Content-Type': operation === 'GetObject' ? 'text/csv' : 'application/xml',
      'x-amz-request-id': requestId,
      'x-amz-id-2': randomBytes(48).toString('base64'),
      Server: 'AmazonS3',
    };
    try {
      await this.authenticate(request, url, body, 's3');
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      const code = error.code as S3ErrorCode;
      const { status, message } = AWS_ERRORS.s3[code];
      this.record({ requestId, service: 's3', operation, accessKeyId, status, code, message });
      const extra = Object.entries(error.extra)
        .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
        .join('');
      response.writeHead(status, headers);
      response.end(
        request.method === 'HEAD'
          ? undefined
          : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message>` +
              `${extra}<RequestId>${requestId}</RequestId><HostId>${headers['x-amz-id-2']}</HostId></Error>`,
      );
      return;
    }
    this.record({ requestId, service: 's3', operation, accessKeyId, status: 200, code: undefined });
    response.writeHead(200, headers);
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    if (operation === 'GetObject') {
      // Every object holds the same small report.
      response.end(`date,orders\n2024-06-01,${bucket.length + key.length}\n`);
      return;
    }
    response.end(
      `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">` +
        `<Name>${escapeXml(bucket)}</Name><Prefix></Prefix><KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys>` +
        `<IsTruncated>false</IsTruncated><Contents><Key>reports/2024-06-01.csv</Key>` +
        `<LastModified>2024-06-01T08:00:00.000Z</LastModified><ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag>` +
        `<Size>2048</Size><StorageClass>STANDARD</StorageClass></Contents></ListBucketResult>`,
    );
  }

  /**
   * The OpenSearch domain: `GET /<index>/_search` answers one hit; errors are answered as the domain's gateway does,
   * 403 with `{"message": …}` and no code.
   */
  private async handleSearch(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    body: Buffer,
    requestId: string,
  ): Promise<void> {
    const accessKeyId = /Credential=([^/]+)\//.exec(request.headers.authorization ?? '')?.[1];
    const amzDate = request.headers['x-amz-date'] as string | undefined;
    const operation = url.pathname.endsWith('/_search') ? 'Search' : 'Request';
    const headers = { 'Content-Type': 'application/json; charset=UTF-8', 'x-amzn-RequestId': requestId };
    try {
      await this.authenticate(request, url, body, 'es');
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      const code = error.code as EsErrorCode;
      const { status } = AWS_ERRORS.es[code];
      const message = error.detail ?? AWS_ERRORS.es[code].message;
      this.record({ requestId, service: 'es', operation, accessKeyId, status, code, message, amzDate });
      response.writeHead(status, headers);
      response.end(JSON.stringify({ message }));
      return;
    }
    this.record({ requestId, service: 'es', operation, accessKeyId, status: 200, code: undefined, amzDate });
    response.writeHead(200, headers);
    response.end(
      JSON.stringify({
        took: 3,
        timed_out: false,
        hits: {
          total: { value: 1, relation: 'eq' },
          hits: [{ _index: url.pathname.split('/')[1], _id: 'order-1', _source: { status: 'open' } }],
        },
      }),
    );
  }
}
