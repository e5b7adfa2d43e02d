// Nightly worker: uploads the month's invoices as CSV to the finance team's bucket.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

// No `credentials`: the client uses the default provider chain (the task role on ECS, SSO or a profile locally),
// which refreshes temporary credentials before they expire.
const s3 = new S3Client({ region: 'eu-west-1' });

export async function exportInvoices(month: string, csv: string): Promise<void> {
  await s3.send(
    new PutObjectCommand({
      Bucket: 'acme-finance-exports',
      Key: `invoices/${month}.csv`,
      Body: csv,
      ContentType: 'text/csv',
    }),
  );
}
