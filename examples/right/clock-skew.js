// Queue consumer (SDK v2) on an on-premises VM whose clock drifts between NTP syncs.
'use strict';

const AWS = require('aws-sdk');

// The SDK measures the offset from each response's Date header and retries clock-skew errors.
AWS.config.update({ region: 'eu-west-1', correctClockSkew: true });

const sqs = new AWS.SQS();
const queueUrl = process.env.JOBS_QUEUE_URL;

async function poll() {
  const { Messages = [] } = await sqs.receiveMessage({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }).promise();
  for (const message of Messages) {
    console.log('job', message.MessageId);
    await sqs.deleteMessage({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }).promise();
  }
}

setInterval(() => {
  poll().catch((error) => console.error('poll failed:', error.code));
}, 30_000);
