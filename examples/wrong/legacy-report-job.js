// Long-running worker (SDK v2): exports yesterday's orders to S3 as CSV, once a day.
'use strict';

const AWS = require('aws-sdk');

// Keys of a dedicated IAM user, read once at start. They shadow the instance role, and if they are temporary
// keys the job dies with ExpiredToken on the next day's run.
AWS.config.update({
  region: 'eu-west-1',
  correctClockSkew: true,
  accessKeyId: process.env.REPORTS_ACCESS_KEY_ID,
  secretAccessKey: process.env.REPORTS_SECRET_ACCESS_KEY,
});

const dynamo = new AWS.DynamoDB.DocumentClient();
const s3 = new AWS.S3();

async function exportOrders(day) {
  const { Items = [] } = await dynamo
    .query({
      TableName: 'orders',
      KeyConditionExpression: 'orderDay = :day',
      ExpressionAttributeValues: { ':day': day },
    })
    .promise();
  const csv = Items.map((order) => [order.orderId, order.customerId, order.total].join(',')).join('\n');
  await s3.putObject({ Bucket: 'acme-reports', Key: `orders/${day}.csv`, Body: csv }).promise();
}

setInterval(() => {
  const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  exportOrders(yesterday).catch((error) => console.error('order export failed:', error.message));
}, 24 * 60 * 60 * 1000);
