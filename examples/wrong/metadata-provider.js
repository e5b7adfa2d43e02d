// Worker on an EC2 Auto Scaling group: takes jobs from an SQS queue and records the results in DynamoDB.
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { fromInstanceMetadata } from '@aws-sdk/credential-providers';

// The instance role, read from IMDS with `timeout: 0` copied from an old snippet and the default single attempt:
// one throttled request and the worker fails with CredentialsProviderError; off EC2 (a laptop, CI) it hangs instead.
const credentials = fromInstanceMetadata({ timeout: 0 });
const sqs = new SQSClient({ credentials });
const dynamo = new DynamoDBClient({ credentials });

export async function poll(queueUrl) {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }));
  for (const message of Messages) {
    await dynamo.send(
      new PutItemCommand({
        TableName: process.env.RESULTS_TABLE,
        Item: { id: { S: message.MessageId }, body: { S: message.Body ?? '' } },
      }),
    );
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
  }
}
