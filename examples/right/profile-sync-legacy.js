// Express service (aws-sdk v2) that lists a bucket. Credentials come from the default provider chain: on the
// host that is the task role, which the SDK refreshes before it expires.
const AWS = require('aws-sdk');
const express = require('express');

AWS.config.update({ region: 'eu-west-1', correctClockSkew: true });

const s3 = new AWS.S3();
const app = express();

app.get('/reports', async (req, res) => {
  const listing = await s3.listObjectsV2({ Bucket: 'acme-reports', Prefix: 'daily/' }).promise();
  res.json((listing.Contents || []).map((object) => object.Key));
});

app.listen(3000);
