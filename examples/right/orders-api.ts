// Express API on ECS: stores orders in DynamoDB.
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import express from 'express';

// One client for the whole process: credentials are resolved once and refreshed before they expire, and the
// HTTP connections are kept alive between requests.
const dynamo = new DynamoDBClient({ region: 'eu-west-1' });

const app = express();
app.use(express.json());

app.post('/orders', async (req, res) => {
  await dynamo.send(
    new PutItemCommand({ TableName: 'orders', Item: { orderId: { S: req.body.id }, total: { N: String(req.body.total) } } }),
  );
  res.sendStatus(201);
});

app.get('/orders/:id', async (req, res) => {
  const { Item } = await dynamo.send(new GetItemCommand({ TableName: 'orders', Key: { orderId: { S: req.params.id } } }));
  res.json(Item ?? null);
});

app.listen(3000);
