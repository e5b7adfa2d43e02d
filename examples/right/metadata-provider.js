// Worker on an EC2 Auto Scaling group: takes jobs from an SQS queue and records the results in DynamoDB.
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { fromInstanceMetadata } from '@aws-sdk/credential-providers';

// A 1-second timeout and three immediate retries: a dropped IMDS request is retried, and off EC2 it fails fast.
const credentials = fromInstanceMetadata({ timeout: 1000, maxRetries: 3 });
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
