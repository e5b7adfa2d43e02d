// Queue worker: assumes a role in the data account at start-up, then drains its SQS queue into DynamoDB.
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const region = 'eu-west-1';
const queueUrl = process.env.ORDERS_QUEUE_URL;

// One AssumeRole call when the process starts: the keys expire an hour later and nothing renews them.
const sts = new STSClient({ region });
const { Credentials } = await sts.send(
  new AssumeRoleCommand({ RoleArn: process.env.DATA_ROLE_ARN, RoleSessionName: 'orders-worker' }),
);
const credentials = {
  accessKeyId: Credentials!.AccessKeyId!,
  secretAccessKey: Credentials!.SecretAccessKey!,
  sessionToken: Credentials!.SessionToken,
};

const sqs = new SQSClient({ region, credentials });
const dynamo = new DynamoDBClient({ region, credentials });

for (;;) {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }),
  );
  for (const message of Messages) {
    const order = JSON.parse(message.Body ?? '{}') as { id: string; total: number };
    await dynamo.send(
      new PutItemCommand({
        TableName: 'orders',
        Item: { orderId: { S: order.id }, total: { N: String(order.total) } },
      }),
    );
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
  }
}
