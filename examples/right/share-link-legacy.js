// Long-running API (SDK v2, EC2 instance role): hands out upload links for user avatars.
'use strict';

const AWS = require('aws-sdk');

AWS.config.update({ region: 'eu-west-1', correctClockSkew: true });
const s3 = new AWS.S3({ signatureVersion: 'v4' });

// The promise form refreshes the instance role's credentials before signing.
async function avatarUploadLink(userId) {
  const url = await s3.getSignedUrlPromise('putObject', { Bucket: 'acme-avatars', Key: `${userId}.png`, Expires: 300 });
  return { url };
}

module.exports = { avatarUploadLink };
