// Sidecar for a legacy reporting tool that only reads ~/.aws/credentials: keeps the file filled with keys of the
// reporting role and renews them when the session ends.
import { writeFile } from 'node:fs/promises';
import { AssumeRoleCommand, STSClient, type Credentials } from '@aws-sdk/client-sts';

const CREDENTIALS_FILE = '/home/reporter/.aws/credentials';
const sts = new STSClient({ region: 'eu-west-1' });
let roleCredentials: Credentials | undefined;

/** Readiness probe: the tool may start once the file holds live keys. */
export function hasFreshCredentials(): boolean {
  return roleCredentials?.Expiration !== undefined && roleCredentials.Expiration > new Date();
}

async function renewCredentialsFile(): Promise<void> {
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({ RoleArn: process.env.REPORTING_ROLE_ARN, RoleSessionName: 'report-sidecar' }),
  );
  if (!Credentials?.Expiration) throw new Error('AssumeRole returned no credentials');
  roleCredentials = Credentials;
  const profile = [
    '[default]',
    `aws_access_key_id = ${Credentials.AccessKeyId}`,
    `aws_secret_access_key = ${Credentials.SecretAccessKey}`,
    `aws_session_token = ${Credentials.SessionToken}`,
  ];
  await writeFile(CREDENTIALS_FILE, `${profile.join('\n')}\n`, { mode: 0o600 });
  // Renew when the session runs out.
  setTimeout(() => void renewCredentialsFile(), Credentials.Expiration.getTime() - Date.now());
}

await renewCredentialsFile();
