// Lambda behind API Gateway: stores an uploaded JSON document in S3.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

// No credentials in code: the SDK uses the function's execution role and refreshes it before it expires.
const s3 = new S3Client({ region: process.env.AWS_REGION });

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
