// Lambda behind API Gateway: stores an uploaded JSON document in S3.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

// Keys someone copied into the function's environment variables. They never refresh, and they hide the
// function's execution role: once they are rotated or expire, every upload fails.
const s3 = new S3Client({
  region: process.env.AWS_REGION,
  credentials: {
    accessKeyId: process.env.UPLOAD_ACCESS_KEY_ID!,
    secretAccessKey: process.env.UPLOAD_SECRET_ACCESS_KEY!,
  },
});

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const key = `uploads/${event.requestContext.requestId}.json`;
  await s3.send(
    new PutObjectCommand({
      Bucket: process.env.UPLOAD_BUCKET,
      Key: key,
      Body: event.body ?? '{}',
      ContentType: 'application/json',
    }),
  );
  return { statusCode: 201, body: JSON.stringify({ key }) };
};
