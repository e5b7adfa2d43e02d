// Long-running API (SDK v2, EC2 instance role): hands out upload links for user avatars.
'use strict';

const AWS = require('aws-sdk');

AWS.config.update({ region: 'eu-west-1', correctClockSkew: true });
const s3 = new AWS.S3({ signatureVersion: 'v4' });

// Synchronous signing uses whatever credentials the client cached at start-up: hours later, the instance role
// has rotated them and every link fails with ExpiredToken.
async function avatarUploadLink(userId) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'acme-avatars', Key: `${userId}.png`, Expires: 300 });
  return { url };
}

module.exports = { avatarUploadLink };
