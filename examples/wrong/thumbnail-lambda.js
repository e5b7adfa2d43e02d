// Lambda (S3 trigger): copies each uploaded image into the thumbnails bucket.
const { CopyObjectCommand, S3Client } = require('@aws-sdk/client-s3');

exports.handler = async (event) => {
  for (const record of event.Records) {
    // Built for every record of every invocation: no reuse across warm invocations.
    const s3 = new S3Client({ region: record.awsRegion });
    await s3.send(
      new CopyObjectCommand({
        Bucket: 'acme-thumbnails',
        Key: record.s3.object.key,
        CopySource: `${record.s3.bucket.name}/${record.s3.object.key}`,
      }),
    );
  }
};
