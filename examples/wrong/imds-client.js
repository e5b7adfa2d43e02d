// Worker on EC2 that uploads reports to S3 with credentials read from the instance metadata service by hand.
const axios = require('axios');
const { PutObjectCommand, S3Client } = require('@aws-sdk/client-s3');

const IMDS = 'http://169.254.169.254';

async function loadInstanceCredentials() {
  const { data: token } = await axios.put(`${IMDS}/latest/api/token`, null, {
    headers: { 'X-aws-ec2-metadata-token-ttl-seconds': '21600' },
  });
  const headers = { 'X-aws-ec2-metadata-token': token };
  const { data: role } = await axios.get(`${IMDS}/latest/meta-data/iam/security-credentials/`, { headers });
  const { data } = await axios.get(`${IMDS}/latest/meta-data/iam/security-credentials/${role}`, { headers });
  return { accessKeyId: data.AccessKeyId, secretAccessKey: data.SecretAccessKey, sessionToken: data.Token };
}

let s3;

async function uploadReport(key, body) {
  s3 ??= new S3Client({ region: 'eu-west-1', credentials: await loadInstanceCredentials() });
  await s3.send(new PutObjectCommand({ Bucket: 'nightly-reports', Key: key, Body: body }));
}

module.exports = { uploadReport };
