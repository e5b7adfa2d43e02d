import { describe, expect, it } from 'vitest';

import {
  ACCESS_KEY_ID_PATTERN,
  NAMED_CREDENTIAL_PATTERN,
  SESSION_TOKEN_PREFIXES,
  describeAccessKeyId,
  isPlaceholderCredential,
  isSecretAccessKeyName,
  isSecretAccessKeyValue,
  isSessionTokenName,
  isSessionTokenValue,
  maskSecret,
  shannonEntropy,
} from '../../src/utils/sdk/secrets.js';

// Random values in the real formats; none is a live key.
const SECRET = '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG';
const TOKEN =
  'IQoJb3JpZ2luX2Vj5F18P8XC6QapgH1Rqpjufslwdr7lIsxcdbuYKINoS7w9wSF8S4UeCftWB5Eg+IjdN1oR3pt2tYjPQsQzy+mK5oRIXES2GpMDAwny82ijQhaHNjGeyAOvNq1cxq56';

describe('maskSecret', () => {
  it('shows the first 4 and last 4 characters of a long value', () => {
    expect(maskSecret('AKIAICSHCC4NDVFUGI6C')).toBe('AKIA…GI6C');
    expect(maskSecret(SECRET)).toBe('0iVC…N0nG');
    expect(maskSecret(TOKEN)).toBe('IQoJ…xq56');
  });

  it('shows at most half of a value of 16 characters', () => {
    expect(maskSecret('abcdefghijklmnop')).toBe('abcd…mnop');
  });

  it('shows the first 2 and last 2 characters of a value of 9 to 15 characters', () => {
    expect(maskSecret('abcdefghi')).toBe('ab…hi');
    expect(maskSecret('abcdefghijklmno')).toBe('ab…no');
  });

  it('shows only the first 2 characters of a value of 8 characters or fewer', () => {
    expect(maskSecret('abcdefgh')).toBe('ab…');
    expect(maskSecret('a')).toBe('a…');
    expect(maskSecret('')).toBe('…');
  });
});

describe('ACCESS_KEY_ID_PATTERN', () => {
  it('matches every key prefix', () => {
    expect(ACCESS_KEY_ID_PATTERN.exec('AKIAICSHCC4NDVFUGI6C')?.[0]).toBe('AKIAICSHCC4NDVFUGI6C');
    expect(ACCESS_KEY_ID_PATTERN.exec('ASIACSRLJ3XQ7XCJAFRN')?.[0]).toBe('ASIACSRLJ3XQ7XCJAFRN');
    expect(ACCESS_KEY_ID_PATTERN.exec('ABIA7JBJJYEA6ZWK52MO')?.[0]).toBe('ABIA7JBJJYEA6ZWK52MO');
    expect(ACCESS_KEY_ID_PATTERN.exec('ACCAFEPLGKNKMM3VB2XU')?.[0]).toBe('ACCAFEPLGKNKMM3VB2XU');
    expect(ACCESS_KEY_ID_PATTERN.exec('A3TXPOSZO2SKYOM6GXJQ')?.[0]).toBe('A3TXPOSZO2SKYOM6GXJQ');
  });

  it('finds a key between non-alphanumeric characters', () => {
    const match = ACCESS_KEY_ID_PATTERN.exec('id=AKIAICSHCC4NDVFUGI6C&x=1');
    expect(match?.index).toBe(3);
    expect(ACCESS_KEY_ID_PATTERN.test('AKIAICSHCC4NDVFUGI6C_backup')).toBe(true);
  });

  it('does not match inside a longer alphanumeric run, nor other ID kinds, nor outside base32', () => {
    expect(ACCESS_KEY_ID_PATTERN.test('XAKIAICSHCC4NDVFUGI6C')).toBe(false);
    expect(ACCESS_KEY_ID_PATTERN.test('AKIAICSHCC4NDVFUGI6Cx')).toBe(false);
    expect(ACCESS_KEY_ID_PATTERN.test('AKIAICSHCC4NDVFUGI6')).toBe(false);
    expect(ACCESS_KEY_ID_PATTERN.test('AROAICSHCC4NDVFUGI6C')).toBe(false);
    expect(ACCESS_KEY_ID_PATTERN.test('AKIAICSHCC4NDVFUGI1C')).toBe(false);
    expect(ACCESS_KEY_ID_PATTERN.test('akiaicshcc4ndvfugi6c')).toBe(false);
  });
});

describe('NAMED_CREDENTIAL_PATTERN', () => {
  it('reads a name and value from INI, env, JSON and header lines', () => {
    expect(NAMED_CREDENTIAL_PATTERN.exec(`aws_secret_access_key = ${SECRET}`)?.groups).toEqual({
      name: 'secret_access_key',
      value: SECRET,
    });
    expect(NAMED_CREDENTIAL_PATTERN.exec(`export AWS_SESSION_TOKEN="${TOKEN}"`)?.groups).toEqual({
      name: 'SESSION_TOKEN',
      value: TOKEN,
    });
    expect(NAMED_CREDENTIAL_PATTERN.exec(`{"SecretAccessKey": "${SECRET}"}`)?.groups).toEqual({
      name: 'SecretAccessKey',
      value: SECRET,
    });
    expect(NAMED_CREDENTIAL_PATTERN.exec(`X-Amz-Security-Token: ${TOKEN}`)?.groups).toEqual({
      name: 'Security-Token',
      value: TOKEN,
    });
  });

  it('does not read a longer name or a value that is not written out', () => {
    expect(NAMED_CREDENTIAL_PATTERN.test(`AWS_SECRET_ACCESS_KEY_PATH=${SECRET}`)).toBe(false);
    expect(NAMED_CREDENTIAL_PATTERN.test('aws_secret_access_key = ${secret}')).toBe(false);
  });
});

describe('names', () => {
  it('recognises secret key names in every spelling', () => {
    expect(isSecretAccessKeyName('secretAccessKey')).toBe(true);
    expect(isSecretAccessKeyName('SecretAccessKey')).toBe(true);
    expect(isSecretAccessKeyName('secret_access_key')).toBe(true);
    expect(isSecretAccessKeyName('aws_secret_access_key')).toBe(true);
    expect(isSecretAccessKeyName('AWS_SECRET_ACCESS_KEY')).toBe(true);
    expect(isSecretAccessKeyName('awsSecretKey')).toBe(true);
    expect(isSecretAccessKeyName('AWS_SECRET_KEY')).toBe(true);
    expect(isSecretAccessKeyName('secretKey')).toBe(true);
  });

  it('rejects names that do not end with key or do not say secret', () => {
    expect(isSecretAccessKeyName('secretKeyPath')).toBe(false);
    expect(isSecretAccessKeyName('clientSecret')).toBe(false);
    expect(isSecretAccessKeyName('accessKeyId')).toBe(false);
    expect(isSecretAccessKeyName('commitSha')).toBe(false);
  });

  it('recognises session token names', () => {
    expect(isSessionTokenName('sessionToken')).toBe(true);
    expect(isSessionTokenName('SessionToken')).toBe(true);
    expect(isSessionTokenName('aws_session_token')).toBe(true);
    expect(isSessionTokenName('AWS_SESSION_TOKEN')).toBe(true);
    expect(isSessionTokenName('securityToken')).toBe(true);
    expect(isSessionTokenName('AWS_SECURITY_TOKEN')).toBe(true);
    expect(isSessionTokenName('X-Amz-Security-Token')).toBe(true);
    expect(isSessionTokenName('sessionTokenTtl')).toBe(false);
    expect(isSessionTokenName('csrfToken')).toBe(false);
  });
});

describe('values', () => {
  it('accepts a secret key only with 40 characters, mixed case and a digit, / or +', () => {
    expect(isSecretAccessKeyValue(SECRET)).toBe(true);
    expect(isSecretAccessKeyValue('/iGBn/nPvvpTUknmnvgrNSzuO+uG8oQjyDJ2BEZH')).toBe(true);
    expect(isSecretAccessKeyValue(`${SECRET}x`)).toBe(false);
    expect(isSecretAccessKeyValue(SECRET.slice(1))).toBe(false);
    expect(isSecretAccessKeyValue('3f786850e387550fdab836ed7e6dc881de23001b')).toBe(false);
    expect(isSecretAccessKeyValue('abcdefghijABCDEFGHIJabcdefghijABCDEFGHIJ')).toBe(false);
    expect(isSecretAccessKeyValue('this-is-not-a-secret-key-just-a-placehol')).toBe(false);
  });

  it('accepts a session token of 100+ base64 characters', () => {
    expect(isSessionTokenValue(TOKEN)).toBe(true);
    expect(isSessionTokenValue(TOKEN.slice(0, 99))).toBe(false);
    expect(isSessionTokenValue(`${TOKEN.slice(0, 100)}-x`)).toBe(false);
    expect(isSessionTokenValue('A'.repeat(120))).toBe(false);
    expect(SESSION_TOKEN_PREFIXES.some((prefix) => TOKEN.startsWith(prefix))).toBe(true);
  });
});

describe('isPlaceholderCredential', () => {
  it('allows the AWS documentation examples', () => {
    expect(isPlaceholderCredential('AKIAIOSFODNN7EXAMPLE')).toBe(true);
    expect(isPlaceholderCredential('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe(true);
  });

  it('allows EXAMPLE in upper case only, and fake, dummy, test in any case', () => {
    expect(isPlaceholderCredential('ASIAZ7EXAMPLE2345ABC')).toBe(true);
    expect(isPlaceholderCredential('wJalrXUtnFEMI/K7MDENG/bPxRfiCYexamplekey')).toBe(false);
    expect(isPlaceholderCredential('AKIAFAKEKEY234567ABC')).toBe(true);
    expect(isPlaceholderCredential('fakeSecret')).toBe(true);
    expect(isPlaceholderCredential('xDummyx')).toBe(true);
    expect(isPlaceholderCredential('Test/Secret')).toBe(true);
  });

  it('does not allow a random value', () => {
    expect(isPlaceholderCredential('AKIAICSHCC4NDVFUGI6C')).toBe(false);
    expect(isPlaceholderCredential(SECRET)).toBe(false);
    expect(isPlaceholderCredential(TOKEN)).toBe(false);
  });
});

describe('describeAccessKeyId', () => {
  it('names the credential each prefix denotes', () => {
    expect(describeAccessKeyId('AKIAICSHCC4NDVFUGI6C')).toBe('long-term access key ID');
    expect(describeAccessKeyId('ASIACSRLJ3XQ7XCJAFRN')).toBe('temporary (STS) access key ID');
    expect(describeAccessKeyId('ABIA7JBJJYEA6ZWK52MO')).toBe('STS service bearer token ID');
    expect(describeAccessKeyId('ACCAFEPLGKNKMM3VB2XU')).toBe('context-specific credential ID');
    expect(describeAccessKeyId('A3TXPOSZO2SKYOM6GXJQ')).toBe('access key ID');
  });
});

describe('shannonEntropy', () => {
  it('is 0 for one repeated character and log2(n) for n distinct characters', () => {
    expect(shannonEntropy('XXXXXXXX')).toBe(0);
    expect(shannonEntropy('ABCD')).toBe(2);
  });

  it('puts random key IDs above 3 bits and filler below', () => {
    expect(shannonEntropy('AKIAICSHCC4NDVFUGI6C')).toBeGreaterThan(3);
    expect(shannonEntropy('AKIAXXXXXXXXXXXXXXXX')).toBeLessThan(3);
  });
});
