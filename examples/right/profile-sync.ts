// A long-running worker that mirrors an S3 prefix into DynamoDB, started from a developer profile.
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { createCredentialChain, fromIni } from '@aws-sdk/credential-providers';

// Re-read the profile file about every 10 minutes, so a new `aws sso login` reaches the running worker.
const awsConfig = {
  region: process.env.AWS_REGION ?? 'eu-west-1',
  credentials: createCredentialChain(
    fromIni({ profile: process.env.SYNC_PROFILE ?? 'sync', ignoreCache: true }),
  ).expireAfter(15 * 60_000),
};

const s3 = new S3Client(awsConfig);
const dynamo = new DynamoDBClient(awsConfig);

async function syncOnce(bucket: string, table: string): Promise<void> {
  const listing = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'exports/' }));
  for (const object of listing.Contents ?? []) {
    await dynamo.send(
      new PutItemCommand({
        TableName: table,
        Item: { key: { S: object.Key ?? '' }, size: { N: String(object.Size ?? 0) } },
      }),
    );
  }
}

setInterval(() => {
  syncOnce('acme-exports', 'export-index').catch((error: unknown) => console.error('sync failed', error));
}, 60_000);
