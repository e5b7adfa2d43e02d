// Browser app: signed-in users upload their avatar straight to S3 with their Cognito identity pool credentials.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { fetchAuthSession } from 'aws-amplify/auth';

// A provider: the client asks it again before the credentials' `expiration`, and `fetchAuthSession()` hands out
// fresh identity pool credentials once Amplify's own have expired.
const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: async () => {
    const { credentials } = await fetchAuthSession();
    if (!credentials) throw new Error('No AWS credentials: the Amplify session is signed out');
    return credentials;
  },
});

export async function uploadAvatar(identityId: string, file: Blob): Promise<void> {
  await s3.send(
    new PutObjectCommand({ Bucket: 'avatars-eu-west-1', Key: `private/${identityId}/avatar`, Body: file }),
  );
}
