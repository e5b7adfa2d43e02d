import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

// The provider assumes the role again before the keys expire; the client asks it on every request.
const s3 = new S3Client({
  credentials: fromTemporaryCredentials({
    params: { RoleArn: process.env.REPORTS_ROLE_ARN, RoleSessionName: 'reports-reader' },
  }),
});

export async function readReport(key: string): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const object = await s3.send(new GetObjectCommand({ Bucket: 'reports', Key: key }));
      return await object.Body!.transformToString();
    } catch (err) {
      if ((err as Error).name !== 'ExpiredToken') throw err;
      await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
    }
  }
  throw new Error(`could not read ${key}`);
}
