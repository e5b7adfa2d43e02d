// EKS worker: the provider reads the projected service-account token file again at each refresh.
const { SQSClient, ReceiveMessageCommand } = require('@aws-sdk/client-sqs');
const { fromTokenFile } = require('@aws-sdk/credential-providers');

const sqs = new SQSClient({
  region: process.env.AWS_REGION,
  credentials: fromTokenFile({ roleArn: process.env.AWS_ROLE_ARN, roleSessionName: 'queue-worker' }),
});

async function poll(queueUrl) {
  return sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }));
}

module.exports = { poll };
