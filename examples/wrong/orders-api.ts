// Express API on ECS: stores orders in DynamoDB.
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import express from 'express';

const app = express();
app.use(express.json());

app.post('/orders', async (req, res) => {
  // A new client per request: each one asks the container credentials endpoint again and opens new connections.
  const dynamo = new DynamoDBClient({ region: 'eu-west-1' });
  await dynamo.send(
    new PutItemCommand({ TableName: 'orders', Item: { orderId: { S: req.body.id }, total: { N: String(req.body.total) } } }),
  );
  res.sendStatus(201);
});

app.get('/orders/:id', async (req, res) => {
  const dynamo = new DynamoDBClient({ region: 'eu-west-1' });
  const { Item } = await dynamo.send(new GetItemCommand({ TableName: 'orders', Key: { orderId: { S: req.params.id } } }));
  res.json(Item ?? null);
});

app.listen(3000);
