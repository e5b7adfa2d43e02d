import { describe, expect, it } from 'vitest';

import { UNKNOWN_TEXT, getUrlHost, isKnownPath, normalizeHost, parseUrl, trimTrailingSlashes } from '../../src/utils/ast/urls.js';

const U = UNKNOWN_TEXT;

describe('parseUrl', () => {
  it('splits a URL with a scheme into host and path, dropping the port', () => {
    expect(parseUrl('http://169.254.169.254:80/latest/api/token')).toEqual({
      scheme: true,
      host: '169.254.169.254',
      path: '/latest/api/token',
    });
  });

  it('reads a URL without a scheme, or protocol-relative', () => {
    expect(parseUrl('minio:9000')).toEqual({ scheme: false, host: 'minio', path: '' });
    expect(parseUrl('//cdn.example.com/a')).toEqual({ scheme: false, host: 'cdn.example.com', path: '/a' });
    expect(parseUrl('fra1.digitaloceanspaces.com')?.host).toBe('fra1.digitaloceanspaces.com');
  });

  it('drops userinfo, also with a password holding `@`', () => {
    expect(parseUrl('https://user:p@ss@Storage.Example.com/bucket')?.host).toBe('storage.example.com');
    expect(parseUrl('http://a@b/c@d')?.host).toBe('b');
  });

  it('keeps IPv6 hosts in brackets, lower case', () => {
    expect(parseUrl('http://[FD00:EC2::254]/latest/api/token')).toEqual({
      scheme: true,
      host: '[fd00:ec2::254]',
      path: '/latest/api/token',
    });
    expect(parseUrl('http://[::1')).toBeUndefined();
  });

  it('keeps the parts the file does not define inside the host', () => {
    expect(parseUrl(`https://${U}.r2.cloudflarestorage.com`)?.host).toBe(`${U}.r2.cloudflarestorage.com`);
    expect(parseUrl(`http://localhost:${U}/x`)).toEqual({ scheme: true, host: 'localhost', path: '/x' });
    expect(parseUrl(`http://${U}:4566`)?.host).toBe(U);
  });
});

describe('getUrlHost', () => {
  it('gives the host without a trailing dot, undefined when there is none', () => {
    expect(getUrlHost('https://s3.amazonaws.com./key')).toBe('s3.amazonaws.com');
    expect(getUrlHost('')).toBeUndefined();
    expect(getUrlHost('https:///path')).toBeUndefined();
  });
});

describe('normalizeHost, trimTrailingSlashes, isKnownPath', () => {
  it('brackets a bare IPv6 host option', () => {
    expect(normalizeHost(' FD00:EC2::254 ')).toBe('[fd00:ec2::254]');
    expect(normalizeHost('169.254.169.254')).toBe('169.254.169.254');
  });

  it('trims trailing slashes only', () => {
    expect(trimTrailingSlashes('http://host//')).toBe('http://host');
    expect(trimTrailingSlashes('http://host/a//b')).toBe('http://host/a//b');
  });

  it('knows a path only when the file spells it out', () => {
    expect(isKnownPath('/v2/metadata')).toBe(true);
    expect(isKnownPath('/')).toBe(false);
    expect(isKnownPath(`/v2/${U}`)).toBe(false);
  });
});
