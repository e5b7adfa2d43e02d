import rule from '../../src/rules/no-client-per-request.js';
import { commonjs, ruleTester, tsRuleTester } from '../rule-tester.js';

const requireDeclared = { globals: { require: 'readonly' } } as const;
const lambda = { place: 'the Lambda handler', unit: 'invocation' };
const route = { place: 'a route handler', unit: 'request' };
const loop = { place: 'a loop', unit: 'iteration' };
const client = { kind: 'client' };
const provider = { kind: 'credential provider' };

ruleTester.run(rule.name, rule, {
  valid: [
    // The fix itself: clients and providers at module scope, reused by every invocation.
    `
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
const credentials = fromTemporaryCredentials({ params: { RoleArn: process.env.ROLE_ARN } });
const s3 = new S3Client({ credentials });
export const handler = async (event) => {
  for (const record of event.Records) {
    await s3.send(new PutObjectCommand({ Bucket: 'b', Key: record.messageId, Body: record.body }));
  }
};
    `,
    // Lazily initialized singletons and caches: built once (per key), then reused.
    `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
let s3;
let dynamo;
let sqs;
const regional = new Map();
const byRole = {};
export const handler = async (event) => {
  s3 ??= new S3Client({});
  if (!dynamo) dynamo = new DynamoDBClient({});
  sqs = sqs || new SQSClient({});
  if (!regional.has(event.region)) regional.set(event.region, new S3Client({ region: event.region }));
  let roleClient = byRole[event.role];
  if (!roleClient) {
    roleClient = new S3Client({ region: event.region });
    byRole[event.role] = roleClient;
  }
  return [s3, dynamo, sqs, regional.get(event.region), roleClient];
};
    `,
    // Functions that run once (a main, a factory, a constructor) and a loop over a fixed list of regions.
    `
import { S3Client } from '@aws-sdk/client-s3';
const REGIONS = ['us-east-1', 'eu-west-1'];
export const regionalClients = REGIONS.map((region) => new S3Client({ region }));
const clients = {};
for (const region of ['us-east-1', 'eu-west-1']) {
  clients[region] = new S3Client({ region });
}
export function createClient(region) {
  return new S3Client({ region });
}
export class Uploader {
  constructor() {
    this.s3 = new S3Client({});
  }
}
async function main() {
  const s3 = new S3Client({});
  console.log(await s3.config.region());
}
main();
    `,
    // Exports that are not handlers, commands and plain static credentials (other rules' business).
    `
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import AWSSDK from 'aws-sdk';
export const main = async () => new S3Client({});
export async function processOrder(order) {
  return new S3Client({ region: order.region });
}
const s3 = new S3Client({});
export const handler = async (event) => {
  await s3.send(new PutObjectCommand({ Bucket: 'b', Key: event.key }));
  return new AWSSDK.Credentials({ accessKeyId: event.id, secretAccessKey: event.secret });
};
    `,
    // Look-alikes: a client from a local module, a cache with a factory callback, a map lookup.
    `
import { S3Client } from './s3-client.js';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import express from 'express';
const app = express();
const cache = new Map();
app.get('/files', (req, res) => res.json(new S3Client({})));
export const handler = async () => new S3Client({});
export const table = cache.get('table', () => new DynamoDBClient({}));
    `,
    // A shadowed \`require\` is not the module loader.
    {
      code: `
exports.handler = async (event, require) => {
  const { S3Client } = require('@aws-sdk/client-s3');
  return new S3Client({});
};
      `,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      // ESM named import: \`export const handler = async (event) => …\`.
      code: `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
export const handler = async (event) => {
  const s3 = new S3Client({ region: 'eu-west-1' });
  return s3.send(new GetObjectCommand({ Bucket: 'b', Key: event.key }));
};
      `,
      output: null,
      errors: [
        {
          messageId: 'clientPerRequest',
          data: { name: 'S3Client', ...client, ...lambda },
          line: 4, column: 14, endLine: 4, endColumn: 51,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              data: { name: 'S3Client', variable: 's3Client' },
              output: `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const s3Client = new S3Client({ region: 'eu-west-1' });
export const handler = async (event) => {
  const s3 = s3Client;
  return s3.send(new GetObjectCommand({ Bucket: 'b', Key: event.key }));
};
      `,
            },
          ],
        },
      ],
    },
    {
      // ESM aliased import: \`export async function handler\`; the provider given to the client is one report.
      code: `
import { DynamoDBClient as Dynamo } from '@aws-sdk/client-dynamodb';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
export async function handler(event) {
  const dynamo = new Dynamo({ credentials: fromNodeProviderChain() });
  return dynamo.config.region();
}
      `,
      output: null,
      errors: [
        {
          messageId: 'clientPerRequest',
          data: { name: 'DynamoDBClient', ...client, ...lambda },
          line: 5, column: 18, endLine: 5, endColumn: 70,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              data: { name: 'DynamoDBClient', variable: 'dynamoDB' },
              output: `
import { DynamoDBClient as Dynamo } from '@aws-sdk/client-dynamodb';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const dynamoDB = new Dynamo({ credentials: fromNodeProviderChain() });
export async function handler(event) {
  const dynamo = dynamoDB;
  return dynamo.config.region();
}
      `,
            },
          ],
        },
      ],
    },
    {
      // ESM namespace import: a \`for…of\` body in a plain function runs once per record.
      code: `
import * as sqs from '@aws-sdk/client-sqs';
export async function forward(records) {
  for (const record of records) {
    const client = new sqs.SQSClient({});
    await client.send(new sqs.SendMessageCommand({ QueueUrl: record.queue, MessageBody: record.body }));
  }
}
      `,
      output: null,
      errors: [
        {
          messageId: 'clientPerRequest',
          data: { name: 'SQSClient', ...client, ...loop },
          line: 5, column: 20, endLine: 5, endColumn: 41,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              data: { name: 'SQSClient', variable: 'sqsClient' },
              output: `
import * as sqs from '@aws-sdk/client-sqs';
const sqsClient = new sqs.SQSClient({});
export async function forward(records) {
  for (const record of records) {
    const client = sqsClient;
    await client.send(new sqs.SendMessageCommand({ QueueUrl: record.queue, MessageBody: record.body }));
  }
}
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 default import in an Express route callback.
      code: `
import AWS from 'aws-sdk';
import express from 'express';
const app = express();
app.get('/reports', async (req, res) => {
  const s3 = new AWS.S3();
  res.json(await s3.listObjectsV2({ Bucket: 'reports' }).promise());
});
      `,
      output: null,
      errors: [
        {
          messageId: 'clientPerRequest',
          data: { name: 'AWS.S3', ...client, ...route },
          line: 6, column: 14, endLine: 6, endColumn: 26,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              data: { name: 'AWS.S3', variable: 's3Client' },
              output: `
import AWS from 'aws-sdk';
import express from 'express';
const s3Client = new AWS.S3();
const app = express();
app.get('/reports', async (req, res) => {
  const s3 = s3Client;
  res.json(await s3.listObjectsV2({ Bucket: 'reports' }).promise());
});
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 named import in a named route handler registered after middleware.
      code: `
import { DynamoDB } from 'aws-sdk';
import { Router } from 'express';
export const orders = Router();
async function createOrder(req, res) {
  await new DynamoDB({ region: 'eu-west-1' }).putItem({ TableName: 'orders', Item: req.body }).promise();
  res.sendStatus(201);
}
orders.post('/orders', authenticate, createOrder);
function authenticate(req, res, next) {
  next();
}
      `,
      output: null,
      errors: [
        {
          messageId: 'clientPerRequest',
          data: { name: 'AWS.DynamoDB', ...client, ...route },
          line: 6, column: 9, endLine: 6, endColumn: 46,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              data: { name: 'AWS.DynamoDB', variable: 'dynamoDB' },
              output: `
import { DynamoDB } from 'aws-sdk';
import { Router } from 'express';
const dynamoDB = new DynamoDB({ region: 'eu-west-1' });
export const orders = Router();
async function createOrder(req, res) {
  await dynamoDB.putItem({ TableName: 'orders', Item: req.body }).promise();
  res.sendStatus(201);
}
orders.post('/orders', authenticate, createOrder);
function authenticate(req, res, next) {
  next();
}
      `,
            },
          ],
        },
      ],
    },
    {
      // require declared (CommonJS): \`exports.handler = …\`.
      code: `
const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts');
exports.handler = async () => {
  const sts = new STSClient({});
  return sts.send(new GetCallerIdentityCommand({}));
};
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'clientPerRequest',
          data: { name: 'STSClient', ...client, ...lambda },
          line: 4, column: 15, endLine: 4, endColumn: 32,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              data: { name: 'STSClient', variable: 'stsClient' },
              output: `
const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts');
const stsClient = new STSClient({});
exports.handler = async () => {
  const sts = stsClient;
  return sts.send(new GetCallerIdentityCommand({}));
};
      `,
            },
          ],
        },
      ],
    },
    {
      // require declared as a global: the function \`module.exports.handler\` names, and \`module.exports = { handler }\`.
      code: `
const AWS = require('aws-sdk');
const main = async (event) => {
  const sqs = new AWS.SQS();
  await sqs.sendMessage({ QueueUrl: event.queue, MessageBody: 'ping' }).promise();
};
module.exports.handler = main;
async function handler(event) {
  return new AWS.SNS().publish({ TopicArn: event.topic, Message: 'ping' }).promise();
}
module.exports = { handler };
      `,
      languageOptions: requireDeclared,
      output: null,
      errors: [
        {
          messageId: 'clientPerRequest',
          data: { name: 'AWS.SQS', ...client, ...lambda },
          line: 4, column: 15, endLine: 4, endColumn: 28,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              data: { name: 'AWS.SQS', variable: 'sqsClient' },
              output: `
const AWS = require('aws-sdk');
const sqsClient = new AWS.SQS();
const main = async (event) => {
  const sqs = sqsClient;
  await sqs.sendMessage({ QueueUrl: event.queue, MessageBody: 'ping' }).promise();
};
module.exports.handler = main;
async function handler(event) {
  return new AWS.SNS().publish({ TopicArn: event.topic, Message: 'ping' }).promise();
}
module.exports = { handler };
      `,
            },
          ],
        },
        {
          messageId: 'clientPerRequest',
          data: { name: 'AWS.SNS', ...client, ...lambda },
          line: 9, column: 10, endLine: 9, endColumn: 23,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              data: { name: 'AWS.SNS', variable: 'sns' },
              output: `
const AWS = require('aws-sdk');
const sns = new AWS.SNS();
const main = async (event) => {
  const sqs = new AWS.SQS();
  await sqs.sendMessage({ QueueUrl: event.queue, MessageBody: 'ping' }).promise();
};
module.exports.handler = main;
async function handler(event) {
  return sns.publish({ TopicArn: event.topic, Message: 'ping' }).promise();
}
module.exports = { handler };
      `,
            },
          ],
        },
      ],
    },
    {
      // require not declared, per-service module: a \`.forEach\` callback.
      code: `
const S3 = require('aws-sdk/clients/s3');
function archive(files) {
  files.forEach((file) => {
    new S3().upload({ Bucket: 'archive', Key: file.name, Body: file.body }).send();
  });
}
      `,
      output: null,
      errors: [
        {
          messageId: 'clientPerRequest',
          data: { name: 'aws-sdk/clients/s3', ...client, ...loop },
          line: 5, column: 5, endLine: 5, endColumn: 13,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              data: { name: 'aws-sdk/clients/s3', variable: 's3' },
              output: `
const S3 = require('aws-sdk/clients/s3');
const s3 = new S3();
function archive(files) {
  files.forEach((file) => {
    s3.upload({ Bucket: 'archive', Key: file.name, Body: file.body }).send();
  });
}
      `,
            },
          ],
        },
      ],
    },
    {
      // Aliased destructuring of a provider in a Fastify \`route({ handler })\`.
      code: `
const { fromTemporaryCredentials: assumeRole } = require('@aws-sdk/credential-providers');
fastify.route({
  method: 'GET',
  url: '/tenants/:id/files',
  handler: async (request) => {
    const credentials = assumeRole({ params: { RoleArn: request.params.roleArn } });
    return credentials();
  },
});
      `,
      languageOptions: requireDeclared,
      output: null,
      errors: [
        {
          messageId: 'clientPerRequest',
          data: { name: 'fromTemporaryCredentials', ...provider, ...route },
          line: 7, column: 25, endLine: 7, endColumn: 84,
          suggestions: [],
        },
      ],
    },
    {
      // \`await import()\` in a Next.js App Router route handler.
      code: `
const { S3Client, ListObjectsV2Command } = await import('@aws-sdk/client-s3');
export async function GET(request) {
  const s3 = new S3Client({});
  return Response.json(await s3.send(new ListObjectsV2Command({ Bucket: new URL(request.url).host })));
}
      `,
      output: null,
      errors: [
        {
          messageId: 'clientPerRequest',
          data: { name: 'S3Client', ...client, ...route },
          line: 4, column: 14, endLine: 4, endColumn: 30,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              data: { name: 'S3Client', variable: 's3Client' },
              output: `
const { S3Client, ListObjectsV2Command } = await import('@aws-sdk/client-s3');
const s3Client = new S3Client({});
export async function GET(request) {
  const s3 = s3Client;
  return Response.json(await s3.send(new ListObjectsV2Command({ Bucket: new URL(request.url).host })));
}
      `,
            },
          ],
        },
      ],
    },
    {
      // A v2 credentials provider class in a polling loop at module scope.
      code: `
import AWS from 'aws-sdk';
while (true) {
  const credentials = new AWS.EC2MetadataCredentials({ maxRetries: 3 });
  await credentials.getPromise();
  await new Promise((resolve) => setTimeout(resolve, 60_000));
}
      `,
      output: null,
      errors: [
        {
          messageId: 'clientPerRequest',
          data: { name: 'AWS.EC2MetadataCredentials', ...provider, ...loop },
          line: 4, column: 23, endLine: 4, endColumn: 72,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              data: { name: 'AWS.EC2MetadataCredentials', variable: 'ec2MetadataCredentials' },
              output: `
import AWS from 'aws-sdk';
const ec2MetadataCredentials = new AWS.EC2MetadataCredentials({ maxRetries: 3 });
while (true) {
  const credentials = ec2MetadataCredentials;
  await credentials.getPromise();
  await new Promise((resolve) => setTimeout(resolve, 60_000));
}
      `,
            },
          ],
        },
      ],
    },
    {
      // A handler wrapped by middleware (\`middy(fn).use(...)\`), and a Koa middleware.
      code: `
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import middy from '@middy/core';
export const handler = middy(async (event) => {
  const secrets = new SecretsManagerClient({});
  return secrets.config.region();
}).use(logger());
app.use(async (ctx) => {
  ctx.body = await new SecretsManagerClient({}).config.region();
});
      `,
      output: null,
      errors: [
        {
          messageId: 'clientPerRequest',
          data: { name: 'SecretsManagerClient', ...client, ...lambda },
          line: 5, column: 19, endLine: 5, endColumn: 47,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              data: { name: 'SecretsManagerClient', variable: 'secretsManager' },
              output: `
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import middy from '@middy/core';
const secretsManager = new SecretsManagerClient({});
export const handler = middy(async (event) => {
  const secrets = secretsManager;
  return secrets.config.region();
}).use(logger());
app.use(async (ctx) => {
  ctx.body = await new SecretsManagerClient({}).config.region();
});
      `,
            },
          ],
        },
        {
          messageId: 'clientPerRequest',
          data: { name: 'SecretsManagerClient', ...client, ...route },
          line: 9, column: 20, endLine: 9, endColumn: 48,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              data: { name: 'SecretsManagerClient', variable: 'secretsManager' },
              output: `
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import middy from '@middy/core';
const secretsManager = new SecretsManagerClient({});
export const handler = middy(async (event) => {
  const secrets = new SecretsManagerClient({});
  return secrets.config.region();
}).use(logger());
app.use(async (ctx) => {
  ctx.body = await secretsManager.config.region();
});
      `,
            },
          ],
        },
      ],
    },
    {
      // Next.js pages API route; and a \`.map\` callback inside a handler is reported as the loop.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
export default async function handler(req, res) {
  const s3 = new S3Client({});
  const profiles = await Promise.all(req.body.profiles.map((profile) => fromIni({ profile })()));
  res.json({ region: await s3.config.region(), profiles: profiles.length });
}
      `,
      output: null,
      errors: [
        {
          messageId: 'clientPerRequest',
          data: { name: 'S3Client', ...client, ...route },
          line: 5, column: 14, endLine: 5, endColumn: 30,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              data: { name: 'S3Client', variable: 's3Client' },
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const s3Client = new S3Client({});
export default async function handler(req, res) {
  const s3 = s3Client;
  const profiles = await Promise.all(req.body.profiles.map((profile) => fromIni({ profile })()));
  res.json({ region: await s3.config.region(), profiles: profiles.length });
}
      `,
            },
          ],
        },
        {
          messageId: 'clientPerRequest',
          data: { name: 'fromIni', ...provider, ...loop },
          line: 6, column: 73, endLine: 6, endColumn: 93,
          suggestions: [],
        },
      ],
    },
  ],
});

tsRuleTester.run(`${rule.name} (TypeScript)`, rule, {
  valid: [
    // A type-only import binds nothing.
    `
import type { S3Client } from '@aws-sdk/client-s3';
declare const Client: typeof S3Client;
export const handler = async () => new Client({});
    `,
  ],
  invalid: [
    {
      // TS \`import x = require()\`, a typed handler and a cast around the construction.
      code: `
import s3 = require('@aws-sdk/client-s3');
export const handler = async (event: { key: string }): Promise<unknown> => {
  const client = new s3.S3Client({}) as s3.S3Client;
  return client.send(new s3.GetObjectCommand({ Bucket: 'b', Key: event.key }));
};
      `,
      output: null,
      errors: [
        {
          messageId: 'clientPerRequest',
          data: { name: 'S3Client', ...client, ...lambda },
          line: 4, column: 18, endLine: 4, endColumn: 37,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              data: { name: 'S3Client', variable: 's3Client' },
              output: `
import s3 = require('@aws-sdk/client-s3');
const s3Client = new s3.S3Client({});
export const handler = async (event: { key: string }): Promise<unknown> => {
  const client = s3Client as s3.S3Client;
  return client.send(new s3.GetObjectCommand({ Bucket: 'b', Key: event.key }));
};
      `,
            },
          ],
        },
      ],
    },
  ],
});

// The hoisting suggestion: after the imports and after the module constants the construction reads; none when it
// reads anything else.
ruleTester.run(`${rule.name} (suggestions)`, rule, {
  valid: [],
  invalid: [
    {
      // A module constant declared below the handler: the client is declared after it, under a free name.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
export const handler = async () => new S3Client({ region: REGION, maxAttempts: 3 }).config.region();
const REGION = 'eu-west-1';
      `,
      output: null,
      errors: [
        {
          messageId: 'clientPerRequest',
          data: { name: 'S3Client', ...client, ...lambda },
          line: 3, column: 36, endLine: 3, endColumn: 84,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              data: { name: 'S3Client', variable: 's3' },
              output: `
import { S3Client } from '@aws-sdk/client-s3';
export const handler = async () => s3.config.region();
const REGION = 'eu-west-1';
const s3 = new S3Client({ region: REGION, maxAttempts: 3 });
      `,
            },
          ],
        },
      ],
    },
    {
      // The region comes from the environment, the timeout from the event: no suggestion.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
export const handler = async (event) => {
  const a = new S3Client({ region: process.env.AWS_REGION });
  const b = new S3Client({ requestHandler: { requestTimeout: event.timeout } });
  return [a, b];
};
      `,
      output: null,
      errors: [
        {
          messageId: 'clientPerRequest',
          data: { name: 'S3Client', ...client, ...lambda },
          line: 4, column: 13, endLine: 4, endColumn: 61,
          suggestions: [],
        },
        {
          messageId: 'clientPerRequest',
          data: { name: 'S3Client', ...client, ...lambda },
          line: 5, column: 13, endLine: 5, endColumn: 80,
          suggestions: [],
        },
      ],
    },
  ],
});
