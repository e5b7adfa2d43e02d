// Sidecar for a legacy reporting tool that only reads ~/.aws/credentials: keeps the file filled with keys of the
// reporting role and renews them well before the session ends.
import { writeFile } from 'node:fs/promises';
import { AssumeRoleCommand, STSClient, type Credentials } from '@aws-sdk/client-sts';

const CREDENTIALS_FILE = '/home/reporter/.aws/credentials';
/** The SDK refreshes 5 minutes early; the tool may also hold keys for a while after reading the file. */
const RENEW_MARGIN_MS = 10 * 60_000;
const sts = new STSClient({ region: 'eu-west-1' });
let roleCredentials: Credentials | undefined;

/** Readiness probe: the tool may start once the file holds keys that stay valid for a while. */
export function hasFreshCredentials(): boolean {
  return (
    roleCredentials?.Expiration !== undefined && roleCredentials.Expiration.getTime() - Date.now() > RENEW_MARGIN_MS
  );
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
  setTimeout(() => void renewCredentialsFile(), Credentials.Expiration.getTime() - Date.now() - RENEW_MARGIN_MS);
}

await renewCredentialsFile();
