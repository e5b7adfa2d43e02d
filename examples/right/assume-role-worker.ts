// Queue worker: assumes a role in the data account, then drains its SQS queue into DynamoDB.
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

const region = 'eu-west-1';
const queueUrl = process.env.ORDERS_QUEUE_URL;

// A provider, not keys: each client assumes the role again 5 minutes before the session expires.
const credentials = fromTemporaryCredentials({
  params: { RoleArn: process.env.DATA_ROLE_ARN, RoleSessionName: 'orders-worker' },
  clientConfig: { region },
});

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
