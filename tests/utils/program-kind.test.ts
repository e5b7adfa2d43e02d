import { createRule } from '../../src/utils/create-rule.js';
import { getProgramKind, type ProgramKind } from '../../src/utils/modules/program-kind.js';
import { commonjs, ruleTester, tsRuleTester } from '../rule-tester.js';

/** Reports the kind of program the file is, at the start of the file. */
const probe = createRule<[], 'kind'>({
  name: 'probe-program-kind',
  meta: {
    type: 'problem',
    docs: { description: 'Report the program kind' },
    messages: { kind: '{{ kind }}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      'Program:exit'() {
        const kind = getProgramKind(context.sourceCode);
        context.report({ loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } }, messageId: 'kind', data: { kind } });
      },
    };
  },
});

/** The one report of the probe: the file's kind, at line 1, column 1. */
const kind = (value: ProgramKind) => [
  { messageId: 'kind' as const, data: { kind: value }, line: 1, column: 1, endLine: 1, endColumn: 1 },
];

ruleTester.run('getProgramKind', probe, {
  valid: [],
  invalid: [
    // Servers.
    {
      code: `
import express from 'express';
const app = express();
app.listen(3000);
      `,
      errors: kind('long-running'),
    },
    {
      // A `.listen()` alone, on an app the file does not build.
      code: `
import { app } from './app.js';
await app.listen({ port: 8080 });
      `,
      errors: kind('long-running'),
    },
    {
      // A Fastify app that another file starts, and a named import of the factory.
      code: `
import { fastify } from 'fastify';
export const app = fastify({ logger: true });
      `,
      errors: kind('long-running'),
    },
    {
      code: `
const http = require('node:http');
http.createServer(handler);
      `,
      languageOptions: commonjs,
      errors: kind('long-running'),
    },
    {
      code: `
import Koa from 'koa';
const app = new Koa();
      `,
      errors: kind('long-running'),
    },
    {
      code: `
import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule);
      `,
      errors: kind('long-running'),
    },
    {
      code: `
import Hapi from '@hapi/hapi';
const server = Hapi.server({ port: 3000 });
      `,
      errors: kind('long-running'),
    },
    {
      // Through `await import()`.
      code: `
const { default: express } = await import('express');
express();
      `,
      errors: kind('long-running'),
    },
    // Worker and polling loops.
    {
      code: `
while (true) {
  await poll();
}
      `,
      errors: kind('long-running'),
    },
    {
      code: `
async function run() {
  for (;;) await tick();
}
      `,
      errors: kind('long-running'),
    },
    {
      code: `
class Worker {
  async start() {
    while (this.running) await this.step();
  }
}
      `,
      errors: kind('long-running'),
    },
    {
      code: `
do {
  await drain();
} while (!signal.aborted);
      `,
      errors: kind('long-running'),
    },
    // Timers.
    {
      code: `
setInterval(refresh, 60_000);
      `,
      errors: kind('long-running'),
    },
    {
      code: `
import { setInterval } from 'node:timers/promises';
for await (const _ of setInterval(1000)) await refresh();
      `,
      errors: kind('long-running'),
    },
    {
      code: `
async function poll() {
  await check();
  setTimeout(poll, 5000);
}
      `,
      errors: kind('long-running'),
    },
    {
      code: `
class Poller {
  tick() {
    this.timer = setTimeout(() => this.tick(), 1000);
  }
}
      `,
      errors: kind('long-running'),
    },
    // Queue consumers and schedulers.
    {
      code: `
const { Consumer } = require('sqs-consumer');
Consumer.create({ queueUrl, handleMessage }).start();
      `,
      languageOptions: commonjs,
      errors: kind('long-running'),
    },
    {
      code: `
import { Worker } from 'bullmq';
new Worker('jobs', handle);
      `,
      errors: kind('long-running'),
    },
    {
      code: `
import cron from 'node-cron';
cron.schedule('*/5 * * * *', sync);
      `,
      errors: kind('long-running'),
    },
    {
      code: `
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
for (const url of queues) await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }));
      `,
      errors: kind('long-running'),
    },
    {
      // v2 `receiveMessage` in a function that calls itself.
      code: `
function receive() {
  sqs.receiveMessage(params, (error, data) => {
    handle(data);
    receive();
  });
}
      `,
      errors: kind('long-running'),
    },
    {
      // A CLI command that starts a server runs long.
      code: `#!/usr/bin/env node
import { program } from 'commander';
program.command('serve').action(() => app.listen(3000));
program.parse();
      `,
      errors: kind('long-running'),
    },
    // Command-line scripts.
    {
      code: `#!/usr/bin/env node
export const run = () => main();
      `,
      errors: kind('script'),
    },
    {
      code: `
export const [, , bucket] = process.argv;
      `,
      errors: kind('script'),
    },
    {
      code: `
import { Command } from 'commander';
new Command().parse();
      `,
      errors: kind('script'),
    },
    {
      code: `
const argv = require('yargs/yargs')(process.argv.slice(2)).argv;
      `,
      languageOptions: commonjs,
      errors: kind('script'),
    },
    {
      code: `
import meow from 'meow';
const cli = meow('Usage: sync <bucket>', { importMeta: import.meta });
      `,
      errors: kind('script'),
    },
    {
      code: `
import minimist from 'minimist';
export const args = minimist(argv);
      `,
      errors: kind('script'),
    },
    {
      code: `
import { parseArgs } from 'node:util';
const { values } = parseArgs({ options: { bucket: { type: 'string' } } });
      `,
      errors: kind('script'),
    },
    {
      code: `
export async function main() {}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
      `,
      errors: kind('script'),
    },
    {
      code: `
await sync();
process.exit(0);
      `,
      errors: kind('script'),
    },
    {
      code: `
export async function run() {
  await sync();
  process.exit(0);
}
      `,
      errors: kind('script'),
    },
    {
      code: `
module.exports = { migrate };
if (require.main === module) migrate();
      `,
      languageOptions: commonjs,
      errors: kind('script'),
    },
    {
      code: `
export async function main() {}
if (import.meta.main) await main();
      `,
      errors: kind('script'),
    },
    // Libraries.
    {
      code: `
export const s3 = createClient();
      `,
      errors: kind('library'),
    },
    {
      code: `
module.exports = createClient();
      `,
      languageOptions: commonjs,
      errors: kind('library'),
    },
    {
      code: `
exports.handler = async () => ({ statusCode: 200 });
      `,
      errors: kind('library'),
    },
    {
      // `process.exit()` in a signal listener is how a long-running process stops, not a sign of a script.
      code: `
process.on('SIGTERM', () => process.exit(0));
export default createClient();
      `,
      errors: kind('library'),
    },
    {
      // An early exit of a configuration check, or one in a helper, does not end a main.
      code: `
if (!process.env.BUCKET) process.exit(1);
export function fatal(message) {
  console.error(message);
  process.exit(1);
}
      `,
      errors: kind('library'),
    },
    // Nothing to tell.
    {
      code: `
await s3.send(command);
      `,
      errors: kind('unknown'),
    },
    {
      // A pagination loop and a sleep helper: neither runs forever.
      code: `
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let token;
while (token) {
  token = (await page(token)).next;
  await sleep(100);
}
      `,
      errors: kind('unknown'),
    },
    {
      // A synchronous endless loop does not wait on anything: not a worker.
      code: `
for (;;) {
  if (step()) break;
}
      `,
      errors: kind('unknown'),
    },
    {
      // Look-alikes: a local `setInterval`, an `express` of the project, `await` in a nested function only.
      code: `
function setInterval(fn) { fn(); }
setInterval(refresh, 1000);
import express from './express.js';
express();
while (true) {
  queue.push(async () => { await work(); });
  break;
}
      `,
      errors: kind('unknown'),
    },
  ],
});

tsRuleTester.run('getProgramKind (TypeScript)', probe, {
  valid: [],
  invalid: [
    {
      // `export {}` only makes a script a module, and type exports carry no value.
      code: `
export {};
export type Options = { bucket: string };
export interface Result { ok: boolean }
await run();
      `,
      errors: kind('unknown'),
    },
    {
      code: `
import type { Command } from 'commander';
export = createClient();
      `,
      errors: kind('library'),
    },
  ],
});
