// EKS worker: reads the projected service-account token once at start-up.
const { readFileSync } = require('node:fs');
const { SQSClient, ReceiveMessageCommand } = require('@aws-sdk/client-sqs');
const { fromWebToken } = require('@aws-sdk/credential-providers');

// The kubelet rotates the token file; this string is never re-read, so the first refresh after it expires fails
// with ExpiredTokenException.
const sqs = new SQSClient({
  region: process.env.AWS_REGION,
  credentials: fromWebToken({
    roleArn: process.env.AWS_ROLE_ARN,
    roleSessionName: 'queue-worker',
    webIdentityToken: readFileSync(process.env.AWS_WEB_IDENTITY_TOKEN_FILE, 'utf8'),
  }),
});

async function poll(queueUrl) {
  return sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }));
}

module.exports = { poll };
