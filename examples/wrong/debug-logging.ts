// Lambda: copies a finished report into a partner's bucket, under a role the partner lets us assume.
import { CopyObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

const partnerRole = fromTemporaryCredentials({
  params: { RoleArn: process.env.PARTNER_ROLE_ARN!, RoleSessionName: 'report-copy' },
});
const partnerS3 = new S3Client({ credentials: partnerRole });

export const handler = async (event: { reportKey: string }): Promise<void> => {
  // Debug output left in after an AccessDenied hunt. It lands in CloudWatch Logs and every pipeline they are shipped
  // to: the function's own AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, then the partner role's keys.
  console.log('environment', process.env);
  const credentials = await partnerRole();
  console.log('partner credentials', credentials);
  console.debug(`partner session token: ${credentials.sessionToken}`);

  await partnerS3.send(
    new CopyObjectCommand({
      Bucket: process.env.PARTNER_BUCKET,
      CopySource: `${process.env.REPORT_BUCKET}/${event.reportKey}`,
      Key: event.reportKey,
    }),
  );
};
