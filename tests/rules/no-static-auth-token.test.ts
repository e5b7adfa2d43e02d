import rule from '../../src/rules/no-static-auth-token.js';
import { commonjs, ruleTester, tsRuleTester } from '../rule-tester.js';

ruleTester.run(rule.name, rule, {
  valid: [
    // single pg Client created, connected and ended within one function
    `
import { Signer } from '@aws-sdk/rds-signer';
import { Client } from 'pg';

const signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });
export async function query(sql) {
  const client = new Client({ host: 'db', password: await signer.getAuthToken() });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
`,
    // pg password function
    `
import { Signer } from '@aws-sdk/rds-signer';
import { Pool } from 'pg';

const signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });
export const pool = new Pool({ password: () => signer.getAuthToken() });
export const other = new Pool({ password: async () => signer.getAuthToken() });
export const third = new Pool({ password: async () => await signer.getAuthToken() });
`,
    // knex connection function with expirationChecker
    `
import { Signer } from '@aws-sdk/rds-signer';
import knex from 'knex';

const signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });
export const db = knex({
  client: 'pg',
  connection: async () => {
    const expiresAt = Date.now() + 10 * 60_000;
    return { host: 'db', password: await signer.getAuthToken(), expirationChecker: () => Date.now() >= expiresAt };
  },
});
`,
    // Sequelize beforeConnect hook
    `
import { Signer } from '@aws-sdk/rds-signer';
import { Sequelize } from 'sequelize';

const signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });
export const sequelize = new Sequelize('app', 'app', null, {
  dialect: 'postgres',
  hooks: { beforeConnect: async (config) => { config.password = await signer.getAuthToken(); } },
});
`,
    // a static password that is not a token, and a token passed somewhere else
    `
import { Signer } from '@aws-sdk/rds-signer';
import { Pool } from 'pg';

const signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });
export const pool = new Pool({ password: process.env.DB_PASSWORD });
export const header = { authorization: await signer.getAuthToken() };
`,
    // the promise itself, not awaited, and a token refreshed on a timer read by a fresh client
    `
import { Signer } from '@aws-sdk/rds-signer';
import { Client } from 'pg';

const signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });
let token = '';
setInterval(async () => {
  token = await signer.getAuthToken();
}, 10 * 60_000);
export async function query(sql) {
  const client = new Client({ password: token });
  await client.connect();
  await client.end();
}
`,
    // a getAuthToken of something that is not a signer, a Pool from another package
    `
import { Pool } from 'generic-pool';
import { Client } from 'pg';
import { Signer } from '@aws-sdk/rds-signer';

const vault = { getAuthToken: async () => 'x' };
export const client = new Client({ password: await vault.getAuthToken() });
const signer = new Signer({});
export const pool = new Pool({ password: await signer.getAuthToken() });
`,
    // a fresh token per connection through a helper that builds the pg Client and ends it
    `
const { Signer } = require('@aws-sdk/rds-signer');
const pg = require('pg');

const signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });
async function withClient(run) {
  const token = await signer.getAuthToken();
  const client = new pg.Client({ password: token });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
module.exports = { withClient };
`,
    // v2 getAuthToken with a callback, its return value is not the token
    `
const AWS = require('aws-sdk');
const { Pool } = require('pg');

const signer = new AWS.RDS.Signer({});
const result = signer.getAuthToken({}, () => {});
module.exports = new Pool({ password: result });
`,
  ],
  invalid: [
    {
      // pg Pool, ESM default import, awaited token
      code: `
import { Signer } from '@aws-sdk/rds-signer';
import pg from 'pg';

const signer = new Signer({ hostname: 'db.example.com', port: 5432, username: 'app' });
export const pool = new pg.Pool({ host: 'db.example.com', user: 'app', password: await signer.getAuthToken() });
`,
      errors: [
        {
          messageId: 'pooledAuthToken',
          line: 6,
          column: 72,
          endLine: 6,
          endColumn: 109,
          data: { client: 'pg.Pool', source: 'Signer.getAuthToken', advice: 'Pass `password` as a function that signs a token: pg calls it for every new connection' },
          suggestions: [
            { messageId: 'usePasswordFunction', output: `
import { Signer } from '@aws-sdk/rds-signer';
import pg from 'pg';

const signer = new Signer({ hostname: 'db.example.com', port: 5432, username: 'app' });
export const pool = new pg.Pool({ host: 'db.example.com', user: 'app', password: () => signer.getAuthToken() });
` },
          ],
        },
      ],
    },
    {
      // pg Pool named import, token through a variable, shorthand
      code: `
import { Signer } from '@aws-sdk/rds-signer';
import { Pool } from 'pg';

const signer = new Signer({ hostname: 'db.example.com', port: 5432, username: 'app' });
const password = await signer.getAuthToken();
export const pool = new Pool({ host: 'db.example.com', password });
`,
      errors: [
        {
          messageId: 'pooledAuthToken',
          line: 7,
          column: 56,
          endLine: 7,
          endColumn: 64,
          data: { client: 'pg.Pool', source: 'Signer.getAuthToken', advice: 'Pass `password` as a function that signs a token: pg calls it for every new connection' },
          suggestions: [
            { messageId: 'usePasswordFunction', output: `
import { Signer } from '@aws-sdk/rds-signer';
import { Pool } from 'pg';

const signer = new Signer({ hostname: 'db.example.com', port: 5432, username: 'app' });
const password = await signer.getAuthToken();
export const pool = new Pool({ host: 'db.example.com', password: () => signer.getAuthToken() });
` },
          ],
        },
      ],
    },
    {
      // cjs: require destructured, .then, pool in a helper
      code: `
const { Signer } = require('@aws-sdk/rds-signer');
const { Pool } = require('pg');

const signer = new Signer({ hostname: 'db.example.com', port: 5432, username: 'app' });
function createPool() {
  return signer.getAuthToken().then((token) => new Pool({ password: token }));
}
module.exports = { createPool };
`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'pooledAuthToken',
          line: 7,
          column: 59,
          endLine: 7,
          endColumn: 74,
          data: { client: 'pg.Pool', source: 'Signer.getAuthToken', advice: 'Pass `password` as a function that signs a token: pg calls it for every new connection' },
          suggestions: [
            { messageId: 'usePasswordFunction', output: `
const { Signer } = require('@aws-sdk/rds-signer');
const { Pool } = require('pg');

const signer = new Signer({ hostname: 'db.example.com', port: 5432, username: 'app' });
function createPool() {
  return signer.getAuthToken().then((token) => new Pool({ password: () => signer.getAuthToken() }));
}
module.exports = { createPool };
` },
          ],
        },
      ],
    },
    {
      // cjs: require as member, helper returns the token, options object in a variable
      code: `
const rds = require('@aws-sdk/rds-signer');
const pg = require('pg');

const signer = new rds.Signer({ hostname: 'db.example.com', port: 5432, username: 'app' });
async function getToken() {
  return signer.getAuthToken();
}
async function connect() {
  const config = { host: 'db.example.com', password: await getToken() };
  return new pg.Pool(config);
}
module.exports = { connect };
`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'pooledAuthToken',
          line: 10,
          column: 44,
          endLine: 10,
          endColumn: 70,
          data: { client: 'pg.Pool', source: 'Signer.getAuthToken', advice: 'Pass `password` as a function that signs a token: pg calls it for every new connection' },
          suggestions: [
            { messageId: 'usePasswordFunction', output: `
const rds = require('@aws-sdk/rds-signer');
const pg = require('pg');

const signer = new rds.Signer({ hostname: 'db.example.com', port: 5432, username: 'app' });
async function getToken() {
  return signer.getAuthToken();
}
async function connect() {
  const config = { host: 'db.example.com', password: () => signer.getAuthToken() };
  return new pg.Pool(config);
}
module.exports = { connect };
` },
          ],
        },
      ],
    },
    {
      // pg Client kept at module level
      code: `
import { Signer } from '@aws-sdk/rds-signer';
import { Client } from 'pg';

const signer = new Signer({ hostname: 'db.example.com', port: 5432, username: 'app' });
export const client = new Client({ password: await signer.getAuthToken() });
`,
      errors: [
        {
          messageId: 'pooledAuthToken',
          line: 6,
          column: 36,
          endLine: 6,
          endColumn: 73,
          data: { client: 'pg.Client', source: 'Signer.getAuthToken', advice: 'Pass `password` as a function that signs a token: pg calls it for every new connection' },
          suggestions: [
            { messageId: 'usePasswordFunction', output: `
import { Signer } from '@aws-sdk/rds-signer';
import { Client } from 'pg';

const signer = new Signer({ hostname: 'db.example.com', port: 5432, username: 'app' });
export const client = new Client({ password: () => signer.getAuthToken() });
` },
          ],
        },
      ],
    },
    {
      // pg Client stored in a module-level variable and reused
      code: `
import { Signer } from '@aws-sdk/rds-signer';
import { Client } from 'pg';

const signer = new Signer({ hostname: 'db.example.com', port: 5432, username: 'app' });
let client;
export async function getClient() {
  if (!client) {
    client = new Client({ password: await signer.getAuthToken() });
    await client.connect();
  }
  return client;
}
`,
      errors: [
        {
          messageId: 'pooledAuthToken',
          line: 9,
          column: 27,
          endLine: 9,
          endColumn: 64,
          data: { client: 'pg.Client', source: 'Signer.getAuthToken', advice: 'Pass `password` as a function that signs a token: pg calls it for every new connection' },
          suggestions: [
            { messageId: 'usePasswordFunction', output: `
import { Signer } from '@aws-sdk/rds-signer';
import { Client } from 'pg';

const signer = new Signer({ hostname: 'db.example.com', port: 5432, username: 'app' });
let client;
export async function getClient() {
  if (!client) {
    client = new Client({ password: () => signer.getAuthToken() });
    await client.connect();
  }
  return client;
}
` },
          ],
        },
      ],
    },
    {
      // token kept in a module-level variable that later connections read
      code: `
import { Signer } from '@aws-sdk/rds-signer';
import { Client } from 'pg';

const signer = new Signer({ hostname: 'db.example.com', port: 5432, username: 'app' });
let token;
export async function init() {
  token = await signer.getAuthToken();
}
export async function query(sql) {
  const client = new Client({ password: token });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
`,
      errors: [
        {
          messageId: 'keptAuthToken',
          line: 11,
          column: 31,
          endLine: 11,
          endColumn: 46,
          data: { client: 'pg.Client', source: 'Signer.getAuthToken', holder: 'token' },
          suggestions: [
            { messageId: 'usePasswordFunction', output: `
import { Signer } from '@aws-sdk/rds-signer';
import { Client } from 'pg';

const signer = new Signer({ hostname: 'db.example.com', port: 5432, username: 'app' });
let token;
export async function init() {
  token = await signer.getAuthToken();
}
export async function query(sql) {
  const client = new Client({ password: () => signer.getAuthToken() });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
` },
          ],
        },
      ],
    },
    {
      // dsql signer with mysql2 createPool, dynamic import
      code: `
const { DsqlSigner } = await import('@aws-sdk/dsql-signer');
const mysql = await import('mysql2/promise');

const signer = new DsqlSigner({ hostname: 'cluster.dsql.us-east-1.on.aws' });
export const pool = mysql.createPool({ host: 'cluster', password: await signer.getDbConnectAdminAuthToken() });
`,
      errors: [
        {
          messageId: 'pooledAuthToken',
          line: 6,
          column: 57,
          endLine: 6,
          endColumn: 108,
          data: { client: 'mysql2.createPool', source: 'DsqlSigner.getDbConnectAdminAuthToken', advice: 'mysql2 keeps the pool options fixed and takes no password function: open each connection with a freshly signed token, or replace the pool before the token expires' },
          suggestions: [],
        },
      ],
    },
    {
      // mysql2 callback form, v2 signer with callback
      code: `
const AWS = require('aws-sdk');
const mysql = require('mysql2');

const signer = new AWS.RDS.Signer({ region: 'us-east-1', hostname: 'db', port: 3306, username: 'app' });
signer.getAuthToken({}, (err, token) => {
  module.exports.pool = mysql.createPool({ host: 'db', user: 'app', password: token });
});
`,
      errors: [
        {
          messageId: 'pooledAuthToken',
          line: 7,
          column: 69,
          endLine: 7,
          endColumn: 84,
          data: { client: 'mysql2.createPool', source: 'RDS.Signer.getAuthToken', advice: 'mysql2 keeps the pool options fixed and takes no password function: open each connection with a freshly signed token, or replace the pool before the token expires' },
          suggestions: [],
        },
      ],
    },
    {
      // v2 synchronous getAuthToken, knex
      code: `
const RDS = require('aws-sdk/clients/rds');
const knex = require('knex');

const signer = new RDS.Signer({ region: 'us-east-1', hostname: 'db', port: 5432, username: 'app' });
module.exports = knex({
  client: 'pg',
  connection: {
    host: 'db',
    password: signer.getAuthToken({}),
  },
});
`,
      errors: [
        {
          messageId: 'pooledAuthToken',
          line: 10,
          column: 5,
          endLine: 10,
          endColumn: 38,
          data: { client: 'knex', source: 'RDS.Signer.getAuthToken', advice: 'Pass `connection` as an async function that signs a token and returns an `expirationChecker`: knex calls it again once the checker returns true' },
          suggestions: [
            { messageId: 'useConnectionFunction', output: `
const RDS = require('aws-sdk/clients/rds');
const knex = require('knex');

const signer = new RDS.Signer({ region: 'us-east-1', hostname: 'db', port: 5432, username: 'app' });
module.exports = knex({
  client: 'pg',
  connection: async () => { const expiresAt = Date.now() + 10 * 60_000; return {
    host: 'db',
    password: await signer.getAuthToken({}), expirationChecker: () => Date.now() >= expiresAt }; },
});
` },
          ],
        },
      ],
    },
    {
      // knex named import, dsql non-admin
      code: `
import { DsqlSigner } from '@aws-sdk/dsql-signer';
import { knex } from 'knex';

const signer = new DsqlSigner({ hostname: 'cluster.dsql.us-east-1.on.aws' });
export const db = knex({ client: 'pg', connection: { host: 'cluster', password: await signer.getDbConnectAuthToken() } });
`,
      errors: [
        {
          messageId: 'pooledAuthToken',
          line: 6,
          column: 71,
          endLine: 6,
          endColumn: 117,
          data: { client: 'knex', source: 'DsqlSigner.getDbConnectAuthToken', advice: 'Pass `connection` as an async function that signs a token and returns an `expirationChecker`: knex calls it again once the checker returns true' },
          suggestions: [
            { messageId: 'useConnectionFunction', output: `
import { DsqlSigner } from '@aws-sdk/dsql-signer';
import { knex } from 'knex';

const signer = new DsqlSigner({ hostname: 'cluster.dsql.us-east-1.on.aws' });
export const db = knex({ client: 'pg', connection: async () => { const expiresAt = Date.now() + 10 * 60_000; return { host: 'cluster', password: await signer.getDbConnectAuthToken(), expirationChecker: () => Date.now() >= expiresAt }; } });
` },
          ],
        },
      ],
    },
    {
      // typeorm DataSource with a class field
      code: `
import { Signer } from '@aws-sdk/rds-signer';
import { DataSource } from 'typeorm';

export class Database {
  signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });
  async open() {
    this.token = await this.signer.getAuthToken();
    this.source = new DataSource({ type: 'postgres', host: 'db', password: this.token });
    return this.source.initialize();
  }
}
`,
      errors: [
        {
          messageId: 'pooledAuthToken',
          line: 9,
          column: 66,
          endLine: 9,
          endColumn: 86,
          data: { client: 'DataSource', source: 'Signer.getAuthToken', advice: 'TypeORM opens every connection of the DataSource with these options: rebuild the DataSource with a freshly signed token before the token expires' },
          suggestions: [],
        },
      ],
    },
    {
      // Sequelize positional and options
      code: `
import { Signer } from '@aws-sdk/rds-signer';
import { Sequelize } from 'sequelize';

const signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });
const token = await signer.getAuthToken();
export const sequelize = new Sequelize('app', 'app', token, { dialect: 'postgres' });
export const other = new Sequelize({ dialect: 'postgres', password: token });
`,
      errors: [
        {
          messageId: 'pooledAuthToken',
          line: 7,
          column: 54,
          endLine: 7,
          endColumn: 59,
          data: { client: 'Sequelize', source: 'Signer.getAuthToken', advice: 'Sign the token in a `beforeConnect` hook (`config.password = await signer.getAuthToken()`): Sequelize runs it before every new connection' },
          suggestions: [],
        },
        {
          messageId: 'pooledAuthToken',
          line: 8,
          column: 59,
          endLine: 8,
          endColumn: 74,
          data: { client: 'Sequelize', source: 'Signer.getAuthToken', advice: 'Sign the token in a `beforeConnect` hook (`config.password = await signer.getAuthToken()`): Sequelize runs it before every new connection' },
          suggestions: [],
        },
      ],
    },
    {
      // ioredis default and Cluster
      code: `
import { Signer } from '@aws-sdk/rds-signer';
import Redis from 'ioredis';

const signer = new Signer({ hostname: 'cache', port: 6379, username: 'app' });
const password = await signer.getAuthToken();
export const redis = new Redis(6379, 'cache', { username: 'app', password });
export const cluster = new Redis.Cluster([{ host: 'cache' }], { redisOptions: { password } });
`,
      errors: [
        {
          messageId: 'pooledAuthToken',
          line: 7,
          column: 66,
          endLine: 7,
          endColumn: 74,
          data: { client: 'ioredis.Redis', source: 'Signer.getAuthToken', advice: 'ioredis sends this password again at every reconnect and takes no password function: set a fresh token on `client.options.password` before it reconnects' },
          suggestions: [],
        },
        {
          messageId: 'pooledAuthToken',
          line: 8,
          column: 81,
          endLine: 8,
          endColumn: 89,
          data: { client: 'ioredis.Cluster', source: 'Signer.getAuthToken', advice: 'ioredis sends this password again at every reconnect and takes no password function: set a fresh token on `client.options.password` before it reconnects' },
          suggestions: [],
        },
      ],
    },
  ],
});

tsRuleTester.run(`${rule.name} (TypeScript)`, rule, {
  valid: [

  ],
  invalid: [
    {
      // redis createClient, ts
      code: `
import { Signer } from '@aws-sdk/rds-signer';
import { createClient } from 'redis';

const signer = new Signer({ hostname: 'cache', port: 6379, username: 'app' });
export const client = createClient({ username: 'app', password: (await signer.getAuthToken()) as string });
`,
      errors: [
        {
          messageId: 'pooledAuthToken',
          line: 6,
          column: 55,
          endLine: 6,
          endColumn: 104,
          data: { client: 'redis.createClient', source: 'Signer.getAuthToken', advice: 'Pass a `credentialsProvider` (`type: "async-credentials-provider"`) whose `credentials()` signs a token: node-redis calls it at every (re)connect' },
          suggestions: [],
        },
      ],
    },
    {
      // ts import = require
      code: `
import rdsSigner = require('@aws-sdk/rds-signer');
import pg = require('pg');

const signer = new rdsSigner.Signer({ hostname: 'db', port: 5432, username: 'app' });
export const pool = new pg.Pool({ password: await signer.getAuthToken() });
`,
      errors: [
        {
          messageId: 'pooledAuthToken',
          line: 6,
          column: 35,
          endLine: 6,
          endColumn: 72,
          data: { client: 'pg.Pool', source: 'Signer.getAuthToken', advice: 'Pass `password` as a function that signs a token: pg calls it for every new connection' },
          suggestions: [
            { messageId: 'usePasswordFunction', output: `
import rdsSigner = require('@aws-sdk/rds-signer');
import pg = require('pg');

const signer = new rdsSigner.Signer({ hostname: 'db', port: 5432, username: 'app' });
export const pool = new pg.Pool({ password: () => signer.getAuthToken() });
` },
          ],
        },
      ],
    },
  ],
});
