/** What AWS credentials look like in text, and how to show one without leaking it. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName } from '../ast/nodes.js';

/**
 * An AWS access key ID: a known prefix and 16 base32 characters, not part of a longer alphanumeric run.
 * Prefixes as in gitleaks' `aws-access-token` rule: AKIA long-term key, ASIA temporary (STS) key, ABIA STS service
 * bearer token, ACCA context-specific credential, A3T… older keys. IAM unique IDs (`AROA…`, `AIDA…`) are not keys.
 * No flags: use it with `test`/`exec`, or copy it with `new RegExp(ACCESS_KEY_ID_PATTERN.source, 'g')` to scan.
 */
export const ACCESS_KEY_ID_PATTERN = /(?<![A-Za-z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])/;

/** Every access key ID is this long; shorter strings cannot hold one. */
export const ACCESS_KEY_ID_LENGTH = 20;

/** Every secret access key is this long. */
export const SECRET_ACCESS_KEY_LENGTH = 40;

/** Real STS session tokens are several hundred characters; anything shorter than this is not one. */
export const MIN_SESSION_TOKEN_LENGTH = 100;

/** A whole secret access key: 40 characters of the base64 alphabet without padding. */
export const SECRET_ACCESS_KEY_PATTERN = /^[A-Z0-9/+]{40}$/i;

/** A whole session token: base64 of at least 100 characters (real STS tokens are several hundred). */
export const SESSION_TOKEN_PATTERN = /^[A-Z0-9/+=]{100,}$/i;

/** How real STS session tokens usually start (trufflehog's `session_keys` detector looks for `YXdz`, "aws"). */
export const SESSION_TOKEN_PREFIXES: readonly string[] = ['IQoJb3JpZ2luX2Vj', 'FwoGZXIvYXdz'];

/**
 * A secret key or session token assigned by name inside text: an INI/credentials file, a `.env` line, YAML, JSON
 * or an HTTP header. E.g. `aws_secret_access_key = …`, `AWS_SESSION_TOKEN=…`, `"SecretAccessKey": "…"`,
 * `X-Amz-Security-Token: …`. Group `name` is the name as written, group `value` the base64 run after it.
 */
export const NAMED_CREDENTIAL_PATTERN =
  /(?<name>secret[_-]?(?:access[_-]?)?key|se(?:ssion|curity)[_-]?token)["']?[ \t]*(?:=>|[:=])[ \t]*["']?(?<value>[A-Z0-9/+=]+)/i;

/** The example credentials printed throughout the AWS documentation. */
export const AWS_DOCUMENTATION_EXAMPLES: ReadonlySet<string> = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'AKIAI44QH8DHBEXAMPLE',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
]);

const PLACEHOLDER_WORDS = /fake|dummy|test/i;

/**
 * What the text of any file holding a written credential contains: a key ID prefix (`AKIA`, `ASIA`, `ABIA`,
 * `ACCA`, `A3T…`, matched from its second letter), the name of a secret key (`secret…key`) or of a session or
 * security token, or an escape sequence that may spell either. One linear scan that spares 87% of the files of the
 * benchmark corpus a listener on every string (`token` alone let through one more file in 50).
 */
const MAY_HOLD_CREDENTIAL = /KIA|SIA|BIA|CCA|3T|ecret|ession|ecurity|\\[ux]/i;

/** `secretkey:` and a 40-character value: no shorter text can name a credential inline. */
export const MIN_NAMED_CREDENTIAL_LENGTH = 50;

/** gitleaks' `aws-access-token` threshold; filler such as `AKIAXXXXXXXXXXXXXXXX` stays below it. */
const MIN_ACCESS_KEY_ID_ENTROPY = 3;

/** Scanners built once: they run on every long string of every file. */
const ACCESS_KEY_ID_SCAN = new RegExp(ACCESS_KEY_ID_PATTERN.source, 'g');
const NAMED_CREDENTIAL_SCAN = new RegExp(NAMED_CREDENTIAL_PATTERN.source, 'gi');

/** `new AWS.Credentials(accessKeyId, secretAccessKey, sessionToken)` (v2): what each argument position holds. */
const CREDENTIALS_ARGUMENT_NAMES = [undefined, 'secretAccessKey', 'sessionToken'] as const;

/** A credential found in text: its value and the index where the value starts. */
export interface CredentialMatch {
  index: number;
  value: string;
}

/** A secret key or session token assigned by name inside text (see `NAMED_CREDENTIAL_PATTERN`). */
export interface NamedCredentialMatch extends CredentialMatch {
  /** The whole name as written before the value: `AWS_SECRET_ACCESS_KEY`, `aws_session_token`. */
  name: string;
  isSessionToken: boolean;
}

/** The kind of credential an access key ID's prefix denotes, for messages. */
export function describeAccessKeyId(keyId: string): string {
  switch (keyId.slice(0, 4)) {
    case 'AKIA':
      return 'long-term access key ID';
    case 'ASIA':
      return 'temporary (STS) access key ID';
    case 'ABIA':
      return 'STS service bearer token ID';
    case 'ACCA':
      return 'context-specific credential ID';
    default:
      return 'access key ID';
  }
}

/**
 * Whether a credential value is a documented placeholder: an AWS documentation example, anything containing
 * `EXAMPLE` (upper case, as the AWS examples and gitleaks' `.+EXAMPLE$` allowlist write it), or `fake`, `dummy`,
 * `test` in any case.
 */
export function isPlaceholderCredential(value: string): boolean {
  return AWS_DOCUMENTATION_EXAMPLES.has(value) || value.includes('EXAMPLE') || PLACEHOLDER_WORDS.test(value);
}

/**
 * Whether a name says "secret access key": once lower-cased and stripped of `_`, `-`, `.` and spaces, it contains
 * `secret` and ends with `key`. E.g. `secretAccessKey`, `aws_secret_access_key`, `AWS_SECRET_KEY`, `secretKey`;
 * not `secretKeyPath` or `secretName`.
 */
export function isSecretAccessKeyName(name: string): boolean {
  const normalized = normalizeName(name);
  return normalized.endsWith('key') && normalized.includes('secret');
}

/**
 * Whether a name says "session token": normalized as above, it ends with `sessiontoken` or `securitytoken`.
 * E.g. `sessionToken`, `AWS_SESSION_TOKEN`, `AWS_SECURITY_TOKEN`, `X-Amz-Security-Token`.
 */
export function isSessionTokenName(name: string): boolean {
  const normalized = normalizeName(name);
  return normalized.endsWith('sessiontoken') || normalized.endsWith('securitytoken');
}

/** Whether `value` is shaped like a secret access key: 40 base64 characters, mixed case, a digit or `/`/`+`. */
export function isSecretAccessKeyValue(value: string): boolean {
  return value.length === SECRET_ACCESS_KEY_LENGTH && SECRET_ACCESS_KEY_PATTERN.test(value) && hasRandomShape(value);
}

/** Whether `value` is shaped like a session token: 100+ base64 characters, mixed case, a digit or `/`/`+`. */
export function isSessionTokenValue(value: string): boolean {
  return value.length >= MIN_SESSION_TOKEN_LENGTH && SESSION_TOKEN_PATTERN.test(value) && hasRandomShape(value);
}

/** Shannon entropy of `value` in bits per character (gitleaks requires 3 for access key IDs). */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const character of value) {
    counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  let entropy = 0;
  for (const count of counts.values()) {
    const share = count / value.length;
    entropy -= share * Math.log2(share);
  }
  return entropy;
}

/**
 * A secret shortened for display: the first 4 and last 4 characters around `…`. Shorter values show less, so that
 * never more than half of a value is shown: 9 to 15 characters show the first 2 and last 2, 8 or fewer only the
 * first 2.
 */
export function maskSecret(value: string): string {
  if (value.length <= 8) {
    return `${value.slice(0, 2)}…`;
  }
  if (value.length < 16) {
    return `${value.slice(0, 2)}…${value.slice(-2)}`;
  }
  return `${value.slice(0, 4)}…${value.slice(-4)}`;
}

/**
 * The credential an argument of v2's positional `new Credentials(…)` / `new AWS.Credentials(…)` holds:
 * `secretAccessKey` at index 1, `sessionToken` at index 2.
 */
export function getCredentialsArgumentName(call: TSESTree.NewExpression, index: number): string | undefined {
  const { callee } = call;
  const isCredentials =
    (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Credentials') ||
    (callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'Credentials');
  return isCredentials ? CREDENTIALS_ARGUMENT_NAMES[index] : undefined;
}

/** Whether a text may hold a written credential at all: the cheap gate before any string is looked at. */
export function mayHoldCredential(text: string): boolean {
  return MAY_HOLD_CREDENTIAL.test(text);
}

/** Every access key ID inside `text` that is random enough to be a real one (not `AKIAXXXXXXXXXXXXXXXX`). */
export function findAccessKeyIds(text: string): CredentialMatch[] {
  const matches: CredentialMatch[] = [];
  ACCESS_KEY_ID_SCAN.lastIndex = 0;
  for (let match = ACCESS_KEY_ID_SCAN.exec(text); match !== null; match = ACCESS_KEY_ID_SCAN.exec(text)) {
    if (shannonEntropy(match[0]) >= MIN_ACCESS_KEY_ID_ENTROPY) {
      matches.push({ index: match.index, value: match[0] });
    }
  }
  return matches;
}

/** `aws_secret_access_key = …` and the like inside text whose value is shaped like what the name says. */
export function findNamedCredentials(text: string): NamedCredentialMatch[] {
  const matches: NamedCredentialMatch[] = [];
  NAMED_CREDENTIAL_SCAN.lastIndex = 0;
  for (let match = NAMED_CREDENTIAL_SCAN.exec(text); match !== null; match = NAMED_CREDENTIAL_SCAN.exec(text)) {
    const value = match.groups?.['value'] ?? '';
    const name = match.groups?.['name'] ?? '';
    const isSessionToken = isSessionTokenName(name);
    if (isSessionToken ? isSessionTokenValue(value) : isSecretAccessKeyValue(value)) {
      const index = match.index + match[0].length - value.length;
      matches.push({ index, value, name: expandName(text, match.index, name), isSessionToken });
    }
  }
  return matches;
}

/** A credential written in a data file: an access key ID anywhere, a secret key or session token under its name. */
export type TextCredential = (CredentialMatch & { kind: 'accessKeyId' }) | (NamedCredentialMatch & { kind: 'named' });

/**
 * Every credential in the text of a data file (JSON, JSONC, JSON5): `"accessKeyId": "AKIA…"` anywhere in the
 * document, and `"secretAccessKey": "…"`, `"aws_session_token": "…"` under any key that names one, at any depth.
 */
export function findTextCredentials(text: string): TextCredential[] {
  if (!mayHoldCredential(text)) return [];
  return [
    ...findAccessKeyIds(text).map((match) => ({ ...match, kind: 'accessKeyId' as const })),
    ...findNamedCredentials(text).map((match) => ({ ...match, kind: 'named' as const })),
  ].sort((a, b) => a.index - b.index);
}

/** The whole name around a match: `AWS_SECRET_ACCESS_KEY` for a match on `SECRET_ACCESS_KEY`. */
function expandName(text: string, index: number, matched: string): string {
  let start = index;
  while (start > 0 && /[\w.-]/.test(text.charAt(start - 1))) {
    start--;
  }
  return text.slice(start, index) + matched;
}

function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[\s_.-]/g, '');
}

/** Mixed case plus a digit, `/` or `+`: rules out words, hex digests and repeated filler. */
function hasRandomShape(value: string): boolean {
  let lower = false;
  let upper = false;
  let other = false;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code >= 97 && code <= 122) lower = true;
    else if (code >= 65 && code <= 90) upper = true;
    else if (code !== 61) other = true;
  }
  return lower && upper && other;
}
