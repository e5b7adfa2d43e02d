// Nightly export (SDK v2): assumes the reporting role of the warehouse account, then copies the day's exports.
'use strict';

const AWS = require('aws-sdk');

AWS.config.update({ region: 'eu-west-1', correctClockSkew: true });

const roleParams = { RoleArn: process.env.WAREHOUSE_ROLE_ARN, RoleSessionName: 'nightly-export' };

// Refreshable credentials: they assume the role again whenever the session is about to expire.
const s3 = new AWS.S3({ credentials: new AWS.ChainableTemporaryCredentials({ params: roleParams }) });

async function copyExports(day) {
  const { Contents = [] } = await s3.listObjectsV2({ Bucket: 'acme-warehouse', Prefix: `exports/${day}/` }).promise();
  for (const { Key } of Contents) {
    await s3.copyObject({ Bucket: 'acme-reports', CopySource: `acme-warehouse/${Key}`, Key }).promise();
  }
}

setInterval(() => {
  const day = new Date().toISOString().slice(0, 10);
  copyExports(day).catch((error) => console.error('export copy failed:', error.message));
}, 24 * 60 * 60 * 1000);
