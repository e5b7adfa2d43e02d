// Express service (aws-sdk v2) that lists a bucket with the keys of a named profile.
const AWS = require('aws-sdk');
const express = require('express');

// Static profile: no expireTime, so the file is re-read only after a request has already failed.
AWS.config.update({
  region: 'eu-west-1',
  correctClockSkew: true,
  credentials: new AWS.SharedIniFileCredentials({ profile: 'reports' }),
});

const s3 = new AWS.S3();
const app = express();

app.get('/reports', async (req, res) => {
  const listing = await s3.listObjectsV2({ Bucket: 'acme-reports', Prefix: 'daily/' }).promise();
  res.json((listing.Contents || []).map((object) => object.Key));
});

app.listen(3000);
