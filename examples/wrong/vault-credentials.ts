// Report worker: reads AWS keys from HashiCorp Vault's AWS secrets engine and uploads the daily report to S3.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

interface VaultAwsLease {
  lease_duration: number;
  data: { access_key: string; secret_key: string; security_token: string };
}

async function getVaultCredentials() {
  const response = await fetch(`${process.env.VAULT_ADDR}/v1/aws/sts/report-writer`, {
    headers: { 'X-Vault-Token': process.env.VAULT_TOKEN ?? '' },
  });
  const { data } = (await response.json()) as VaultAwsLease;
  // No `expiration`: the client calls this function once and keeps these keys after Vault's lease ends.
  return { accessKeyId: data.access_key, secretAccessKey: data.secret_key, sessionToken: data.security_token };
}

const s3 = new S3Client({ region: 'eu-west-1', credentials: getVaultCredentials });

export async function uploadReport(day: string, body: string): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: 'acme-reports', Key: `daily/${day}.json`, Body: body }));
}
