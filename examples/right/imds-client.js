// Worker on EC2 that uploads reports to S3: the SDK reads the instance role's credentials and refreshes them.
const { PutObjectCommand, S3Client } = require('@aws-sdk/client-s3');
const { fromInstanceMetadata } = require('@aws-sdk/credential-providers');

const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: fromInstanceMetadata({ timeout: 1000, maxRetries: 3 }),
});

async function uploadReport(key, body) {
  await s3.send(new PutObjectCommand({ Bucket: 'nightly-reports', Key: key, Body: body }));
}

module.exports = { uploadReport };
