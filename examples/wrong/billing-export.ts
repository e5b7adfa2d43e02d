// Nightly worker: uploads the month's invoices as CSV to the finance team's bucket.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

const s3 = new S3Client({
  region: 'eu-west-1',
  // Copied from the IAM console "for now".
  credentials: {
    accessKeyId: 'AKIA5MGA55GFFVEPP3DO',
    secretAccessKey: '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',
  },
});

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
