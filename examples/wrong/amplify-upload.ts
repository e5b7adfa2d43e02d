// Browser app: signed-in users upload their avatar straight to S3 with their Cognito identity pool credentials.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { fetchAuthSession } from 'aws-amplify/auth';

let s3: S3Client | undefined;

// The client is built once, after sign-in, from the session's credentials of that moment. They expire after an
// hour, Amplify refreshes only its own copy, and every upload after that fails with ExpiredToken.
export async function getS3(): Promise<S3Client> {
  if (!s3) {
    const { credentials } = await fetchAuthSession();
    s3 = new S3Client({ region: 'eu-west-1', credentials });
  }
  return s3;
}

export async function uploadAvatar(identityId: string, file: Blob): Promise<void> {
  const client = await getS3();
  await client.send(
    new PutObjectCommand({ Bucket: 'avatars-eu-west-1', Key: `private/${identityId}/avatar`, Body: file }),
  );
}
