// Lambda: copies a finished report into a partner's bucket, under a role the partner lets us assume.
import { CopyObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

const partnerRole = fromTemporaryCredentials({
  params: { RoleArn: process.env.PARTNER_ROLE_ARN!, RoleSessionName: 'report-copy' },
});
const partnerS3 = new S3Client({ credentials: partnerRole });

export const handler = async (event: { reportKey: string }): Promise<void> => {
  // Only what tells which credentials were used: the access key ID and when they expire.
  console.log('copying report', { reportKey: event.reportKey, region: process.env.AWS_REGION });
  const credentials = await partnerRole();
  console.log('partner credentials', { accessKeyId: credentials.accessKeyId, expiration: credentials.expiration });
  console.debug(`partner session token set: ${Boolean(credentials.sessionToken)}`);

  await partnerS3.send(
    new CopyObjectCommand({
      Bucket: process.env.PARTNER_BUCKET,
      CopySource: `${process.env.REPORT_BUCKET}/${event.reportKey}`,
      Key: event.reportKey,
    }),
  );
};
