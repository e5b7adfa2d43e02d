// Nightly export worker (ECS task): reads the reporting bucket of the data account through an assumed role.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { fromContainerMetadata, fromTemporaryCredentials } from '@aws-sdk/credential-providers';

// Role chaining allows one hour; the provider refreshes the session five minutes before it expires, so a
// twelve-hour export needs no longer session.
const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: fromTemporaryCredentials({
    masterCredentials: fromContainerMetadata({ timeout: 1000, maxRetries: 3 }),
    params: { RoleArn: process.env.REPORTING_ROLE_ARN, RoleSessionName: 'nightly-export', DurationSeconds: 3600 },
  }),
});

const sts = new STSClient({ region: 'eu-west-1' });

export async function checkAuditAccess(): Promise<boolean> {
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({ RoleArn: process.env.AUDIT_ROLE_ARN, RoleSessionName: 'audit-probe', DurationSeconds: 900 }),
  );
  return Credentials !== undefined;
}

export async function exportReport(key: string): Promise<string | undefined> {
  const object = await s3.send(new GetObjectCommand({ Bucket: 'reporting-exports', Key: key }));
  return object.Body?.transformToString();
}
