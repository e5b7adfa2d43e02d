// Nightly export worker (ECS task): reads the reporting bucket of the data account through an assumed role.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { fromContainerMetadata, fromTemporaryCredentials } from '@aws-sdk/credential-providers';

const TWELVE_HOURS = 12 * 60 * 60;

// The task role is itself a role session: AssumeRole from it is role chaining, capped at one hour.
const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: fromTemporaryCredentials({
    masterCredentials: fromContainerMetadata({ timeout: 1000, maxRetries: 3 }),
    params: { RoleArn: process.env.REPORTING_ROLE_ARN, RoleSessionName: 'nightly-export', DurationSeconds: TWELVE_HOURS },
  }),
});

const sts = new STSClient({ region: 'eu-west-1' });

export async function checkAuditAccess(): Promise<boolean> {
  // AssumeRole accepts at most 43200 seconds: a day-long session is refused with a ValidationError.
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({ RoleArn: process.env.AUDIT_ROLE_ARN, RoleSessionName: 'audit-probe', DurationSeconds: 24 * 3600 }),
  );
  return Credentials !== undefined;
}

export async function exportReport(key: string): Promise<string | undefined> {
  const object = await s3.send(new GetObjectCommand({ Bucket: 'reporting-exports', Key: key }));
  return object.Body?.transformToString();
}
