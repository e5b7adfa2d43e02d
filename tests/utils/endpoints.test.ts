import { describe, expect, it } from 'vitest';

import { UNKNOWN_TEXT } from '../../src/utils/ast/urls.js';
import {
  classifyHost,
  containsMetadataHost,
  findMetadataHost,
  getMetadataHost,
  isAwsHost,
  isCredentialPath,
  isLocalHost,
} from '../../src/utils/sdk/endpoints.js';

const U = UNKNOWN_TEXT;

describe('isAwsHost', () => {
  it('accepts AWS service hosts, China and dual-stack included, and amazonaws.com itself', () => {
    expect(isAwsHost('s3.eu-west-1.amazonaws.com')).toBe(true);
    expect(isAwsHost('vpce-1a2b.s3.us-east-1.vpce.amazonaws.com')).toBe(true);
    expect(isAwsHost('dynamodb.cn-north-1.amazonaws.com.cn')).toBe(true);
    expect(isAwsHost('sqs.us-east-1.api.aws')).toBe(true);
    expect(isAwsHost('amazonaws.com')).toBe(true);
    expect(isAwsHost('S3.AMAZONAWS.COM.')).toBe(true);
  });

  it('refuses look-alikes and S3-compatible stores', () => {
    expect(isAwsHost('evil-amazonaws.com')).toBe(false);
    expect(isAwsHost('amazonaws.com.example.com')).toBe(false);
    expect(isAwsHost('acct.r2.cloudflarestorage.com')).toBe(false);
    expect(isAwsHost('s3.us-west-004.backblazeb2.com')).toBe(false);
  });
});

describe('isLocalHost', () => {
  it('accepts loopback, Docker and LocalStack hosts', () => {
    for (const host of ['localhost', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '0.0.0.0', 'host.docker.internal', 'localstack', 's3.localhost.localstack.cloud']) {
      expect(isLocalHost(host)).toBe(true);
    }
  });

  it('refuses other hosts', () => {
    expect(isLocalHost('minio')).toBe(false);
    expect(isLocalHost('10.0.0.5')).toBe(false);
  });
});

describe('classifyHost', () => {
  it('sorts hosts into aws, local, other and unknown', () => {
    expect(classifyHost('s3.amazonaws.com')).toBe('aws');
    expect(classifyHost('localhost')).toBe('local');
    expect(classifyHost('minio')).toBe('other');
    expect(classifyHost(undefined)).toBe('unknown');
    expect(classifyHost(U)).toBe('unknown');
  });

  it('reads the known end of a host with parts the file does not define', () => {
    expect(classifyHost(`${U}.r2.cloudflarestorage.com`)).toBe('other');
    expect(classifyHost(`s3.${U}.amazonaws.com`)).toBe('aws');
    expect(classifyHost(`${U}.com`)).toBe('unknown');
    expect(classifyHost(`s3.${U}`)).toBe('unknown');
  });
});

describe('metadata hosts', () => {
  it('finds a metadata host exactly, or at the start of a host the file completes at run time', () => {
    expect(getMetadataHost('[fd00:ec2::254]')).toEqual({ host: '[fd00:ec2::254]', service: 'instance', provider: 'fromInstanceMetadata()' });
    expect(getMetadataHost('169.254.169.25')).toBeUndefined();
    expect(findMetadataHost(`169.254.170.2${U}`)).toEqual({ host: '169.254.170.2', service: 'container', provider: 'fromContainerMetadata()' });
    expect(findMetadataHost(`${U}169.254.170.2`)).toBeUndefined();
  });

  it('knows the credential paths of each service', () => {
    const imds = getMetadataHost('169.254.169.254');
    const ecs = getMetadataHost('169.254.170.2');
    expect(imds && isCredentialPath(imds, '/latest/meta-data/iam/security-credentials/role')).toBe(true);
    expect(imds && isCredentialPath(imds, '/latest/meta-data/instance-id')).toBe(false);
    expect(ecs && isCredentialPath(ecs, '/v2/credentials/abc')).toBe(true);
    expect(ecs && isCredentialPath(ecs, '/v2/metadata')).toBe(false);
  });

  it('finds the hosts inside any text, IPv6 unbracketed', () => {
    expect(containsMetadataHost('curl http://[fd00:ec2::254]/latest/api/token')).toBe(true);
    expect(containsMetadataHost('http://169.254.170.23/v1/credentials')).toBe(true);
    expect(containsMetadataHost('http://169.254.1.1/')).toBe(false);
  });
});
