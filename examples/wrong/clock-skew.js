// Queue consumer (SDK v2) on an on-premises VM whose clock drifts between NTP syncs.
'use strict';

const AWS = require('aws-sdk');

// Someone measured the drift once and pinned it; correction stays off (the v2 default).
AWS.config.update({ region: 'eu-west-1', systemClockOffset: 240000 });

const sqs = new AWS.SQS({ correctClockSkew: false });
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
