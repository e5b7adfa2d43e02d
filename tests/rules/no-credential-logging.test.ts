import rule from '../../src/rules/no-credential-logging.js';
import { commonjs, ruleTester, tsRuleTester } from '../rule-tester.js';

const requireDeclared = { globals: { require: 'readonly' } } as const;

ruleTester.run(rule.name, rule, {
  valid: [
    // The access key ID and the expiration identify the credentials without granting anything.
    `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
const sts = new STSClient({});
const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'audit' }));
console.log('assumed', Credentials.AccessKeyId, 'until', Credentials.Expiration);
logger.info({ keyId: Credentials?.AccessKeyId, expires: Credentials?.Expiration?.toISOString() });
    `,
    // Masked or reduced values: a call that transforms the secret, a literal, a boolean, a length.
    `
const creds = await loadCredentials();
console.log(\`secret …\${creds.secretAccessKey.slice(-4)}\`);
logger.debug({ token: creds.sessionToken.substring(0, 4), secret: maskSecret(creds.secretAccessKey), raw: '***' });
console.log('token set:', Boolean(creds.sessionToken), !!creds.secretAccessKey, creds.sessionToken?.length);
logger.info({ secretAccessKey: '***', sessionToken: undefined });
console.log(creds.sessionToken ? 'with session token' : 'long-term key');
    `,
    // A `Token` of an object that is not credential-shaped.
    `
const oauth = await exchangeCode(code);
logger.info('oauth token', oauth.Token);
console.log(response.Token, tokenResponse.Token);
    `,
    // Environment variables that are not secret, and the names alone.
    `
console.log(process.env.AWS_ACCESS_KEY_ID, process.env.AWS_REGION, process.env['NODE_ENV']);
logger.debug({ variables: Object.keys(process.env) });
    `,
    // In a template or a concatenation an object prints as "[object Object]".
    `
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const credentials = await fromNodeProviderChain()();
console.log(\`credentials: \${credentials}\`);
console.log('env: ' + process.env);
    `,
    // Calls that are not logging: no logger-looking object, or a method loggers do not have.
    `
const creds = await loadCredentials();
cache.set('secret', creds.secretAccessKey);
metrics.error(creds.sessionToken);
Math.log(creds.secretAccessKey.length);
logger.setContext(creds.secretAccessKey);
    `,
    // Values the file does not define: parameters, and what another module returns.
    `
import { STSClient } from '@aws-sdk/client-sts';
import { getCredentials } from './credentials.js';
export function audit(credentials, response) {
  logger.info(credentials, response.Credentials);
}
const resolved = await getCredentials();
console.log(resolved);
    `,
    // An STS response that carries no credentials.
    `
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
const identity = await new STSClient({}).send(new GetCallerIdentityCommand({}));
console.log(identity);
    `,
    // Other members of a credentials response.
    `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
const response = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'a' }));
console.log(response.AssumedRoleUser, response.$metadata, response.Credentials.Expiration);
    `,
    // The same export names from an unrelated module.
    `
import { AssumeRoleCommand, STSClient } from './sts-mock.js';
const response = await new STSClient({}).send(new AssumeRoleCommand({}));
console.log(response.Credentials);
    `,
    // A shadowed `require` is not the module loader: the response is unknown.
    {
      code: `
async function assume(require, input) {
  const { AssumeRoleCommand, STSClient } = require('@aws-sdk/client-sts');
  const response = await new STSClient({}).send(new AssumeRoleCommand(input));
  console.log(response.Credentials);
}
      `,
      languageOptions: commonjs,
    },
    // A local function named `require` is not the module loader: what it returns is unknown, not a pino logger.
    `
function require(id) {
  return () => ({ info: (value) => sendToMetrics(id, value) });
}
const out = require('pino')();
out.info(process.env);
    `,
    // A v3 client's `config.credentials` is the provider function, not the keys.
    `
import { S3Client } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
console.log(s3.config.credentials);
    `,
    // v2: the access key ID of the global credentials, other config members, and a chain that holds no keys.
    `
import AWS from 'aws-sdk';
console.log(AWS.config.credentials.accessKeyId, AWS.config.region);
logger.info(new AWS.CredentialProviderChain());
    `,
  ],
  invalid: [
    {
      // The only argument: the suggestion logs the access key ID of the same object instead.
      code: `
const creds = await loadCredentials();
console.log(creds.secretAccessKey);
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`secretAccessKey`' },
          line: 3, column: 13, endLine: 3, endColumn: 34,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const creds = await loadCredentials();
console.log(creds.accessKeyId);
      `,
            },
          ],
        },
      ],
    },
    {
      // One of several arguments: the suggestion drops it.
      code: `
const creds = await loadCredentials();
console.error('refresh failed for', creds.accessKeyId, creds.sessionToken, error);
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`sessionToken`' },
          line: 3, column: 56, endLine: 3, endColumn: 74,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const creds = await loadCredentials();
console.error('refresh failed for', creds.accessKeyId, error);
      `,
            },
          ],
        },
      ],
    },
    {
      // The last argument goes with the comma before it.
      code: `
const creds = await loadCredentials();
console.warn('secret key', creds.secretAccessKey);
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`secretAccessKey`' },
          line: 3, column: 28, endLine: 3, endColumn: 49,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const creds = await loadCredentials();
console.warn('secret key');
      `,
            },
          ],
        },
      ],
    },
    {
      // Inside a template literal, with optional chaining.
      code: `
const creds = await loadCredentials();
console.info(\`using \${creds?.secretAccessKey} for uploads\`);
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`secretAccessKey`' },
          line: 3, column: 23, endLine: 3, endColumn: 45,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const creds = await loadCredentials();
console.info(\`using \${creds?.accessKeyId} for uploads\`);
      `,
            },
          ],
        },
      ],
    },
    {
      // A property of an object literal: the suggestion removes the property.
      code: `
const c = await loadCredentials();
logger.info({ keyId: c.accessKeyId, token: c.sessionToken }, 'credentials loaded');
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`sessionToken`' },
          line: 3, column: 44, endLine: 3, endColumn: 58,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const c = await loadCredentials();
logger.info({ keyId: c.accessKeyId }, 'credentials loaded');
      `,
            },
          ],
        },
      ],
    },
    {
      // A key that names a secret says what its unknown value is.
      code: `
export function connect(accessKeyId, secretAccessKey) {
  log.debug({ accessKeyId, secretAccessKey });
}
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`secretAccessKey`' },
          line: 3, column: 28, endLine: 3, endColumn: 43,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
export function connect(accessKeyId, secretAccessKey) {
  log.debug({ accessKeyId });
}
      `,
            },
          ],
        },
      ],
    },
    {
      // STS casing, string concatenation, `String()`, `.toString()`, `??` and arrays.
      code: `
const { Credentials } = await assumeRole();
console.log('key=' + Credentials.SecretAccessKey);
console.log(String(Credentials.SessionToken));
logger.debug(Credentials.SessionToken.toString());
logger.trace(Credentials.SessionToken ?? 'none');
logger.verbose([Credentials.SecretAccessKey]);
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`SecretAccessKey`' },
          line: 3, column: 22, endLine: 3, endColumn: 49,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const { Credentials } = await assumeRole();
console.log('key=' + Credentials.AccessKeyId);
console.log(String(Credentials.SessionToken));
logger.debug(Credentials.SessionToken.toString());
logger.trace(Credentials.SessionToken ?? 'none');
logger.verbose([Credentials.SecretAccessKey]);
      `,
            },
          ],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`SessionToken`' },
          line: 4, column: 20, endLine: 4, endColumn: 44,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const { Credentials } = await assumeRole();
console.log('key=' + Credentials.SecretAccessKey);
console.log(String(Credentials.AccessKeyId));
logger.debug(Credentials.SessionToken.toString());
logger.trace(Credentials.SessionToken ?? 'none');
logger.verbose([Credentials.SecretAccessKey]);
      `,
            },
          ],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`SessionToken`' },
          line: 5, column: 14, endLine: 5, endColumn: 38,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const { Credentials } = await assumeRole();
console.log('key=' + Credentials.SecretAccessKey);
console.log(String(Credentials.SessionToken));
logger.debug(Credentials.AccessKeyId.toString());
logger.trace(Credentials.SessionToken ?? 'none');
logger.verbose([Credentials.SecretAccessKey]);
      `,
            },
          ],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`SessionToken`' },
          line: 6, column: 14, endLine: 6, endColumn: 38,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const { Credentials } = await assumeRole();
console.log('key=' + Credentials.SecretAccessKey);
console.log(String(Credentials.SessionToken));
logger.debug(Credentials.SessionToken.toString());
logger.trace(Credentials.AccessKeyId ?? 'none');
logger.verbose([Credentials.SecretAccessKey]);
      `,
            },
          ],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`SecretAccessKey`' },
          line: 7, column: 17, endLine: 7, endColumn: 44,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const { Credentials } = await assumeRole();
console.log('key=' + Credentials.SecretAccessKey);
console.log(String(Credentials.SessionToken));
logger.debug(Credentials.SessionToken.toString());
logger.trace(Credentials.SessionToken ?? 'none');
logger.verbose([Credentials.AccessKeyId]);
      `,
            },
          ],
        },
      ],
    },
    {
      // A file whose only logger is spelled `pino` (no `console`, no `log`) still passes the rule's text gate.
      code: `
const out = require('pino')();
out.info(process.env);
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env`' },
          line: 3, column: 10, endLine: 3, endColumn: 21,
          suggestions: [],
        },
      ],
    },
    {
      // The same in CommonJS, where `require` is a declared global.
      code: `
const out = require('pino')();
out.info(process.env);
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env`' },
          line: 3, column: 10, endLine: 3, endColumn: 21,
          suggestions: [],
        },
      ],
    },
    {
      // The whole environment, directly, serialized, spread, and through `util.inspect`: no suggestion.
      code: `
import util from 'node:util';
console.table(process.env);
log.warn(JSON.stringify(process.env));
logger.debug({ ...process.env, startedAt: Date.now() });
console.log('%s', util.inspect(process.env));
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env`' },
          line: 3, column: 15, endLine: 3, endColumn: 26,
          suggestions: [],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env`' },
          line: 4, column: 25, endLine: 4, endColumn: 36,
          suggestions: [],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env`' },
          line: 5, column: 19, endLine: 5, endColumn: 30,
          suggestions: [],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env`' },
          line: 6, column: 32, endLine: 6, endColumn: 43,
          suggestions: [],
        },
      ],
    },
    {
      // `process.env` through bindings: a destructured `env`, a constant.
      code: `
const { env } = process;
const environment = process.env;
this.logger.info('environment', env);
this.logger.info(environment);
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env`' },
          line: 4, column: 33, endLine: 4, endColumn: 36,
          suggestions: [],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env`' },
          line: 5, column: 18, endLine: 5, endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      // Secret environment variables: dropped next to other arguments, else replaced by the access key ID.
      code: `
console.log('secret', process.env.AWS_SECRET_ACCESS_KEY);
console.log(process.env['AWS_SESSION_TOKEN']);
logger.info(\`legacy token \${process.env.AWS_SECURITY_TOKEN}\`);
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env.AWS_SECRET_ACCESS_KEY`' },
          line: 2, column: 23, endLine: 2, endColumn: 56,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
console.log('secret');
console.log(process.env['AWS_SESSION_TOKEN']);
logger.info(\`legacy token \${process.env.AWS_SECURITY_TOKEN}\`);
      `,
            },
          ],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env.AWS_SESSION_TOKEN`' },
          line: 3, column: 13, endLine: 3, endColumn: 45,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
console.log('secret', process.env.AWS_SECRET_ACCESS_KEY);
console.log(process.env.AWS_ACCESS_KEY_ID);
logger.info(\`legacy token \${process.env.AWS_SECURITY_TOKEN}\`);
      `,
            },
          ],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env.AWS_SECURITY_TOKEN`' },
          line: 4, column: 29, endLine: 4, endColumn: 59,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
console.log('secret', process.env.AWS_SECRET_ACCESS_KEY);
console.log(process.env['AWS_SESSION_TOKEN']);
logger.info(\`legacy token \${process.env.AWS_ACCESS_KEY_ID}\`);
      `,
            },
          ],
        },
      ],
    },
    {
      // Secrets held in variables: reported where they are logged; only the removal is offered.
      code: `
const creds = await loadCredentials();
const secret = creds.secretAccessKey;
const { sessionToken } = creds;
const { AWS_SECRET_ACCESS_KEY: envSecret } = process.env;
console.log(\`secret=\${secret}\`);
logger.info('token', sessionToken);
logger.info(envSecret);
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`secretAccessKey`' },
          line: 6, column: 23, endLine: 6, endColumn: 29,
          suggestions: [],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`sessionToken`' },
          line: 7, column: 22, endLine: 7, endColumn: 34,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const creds = await loadCredentials();
const secret = creds.secretAccessKey;
const { sessionToken } = creds;
const { AWS_SECRET_ACCESS_KEY: envSecret } = process.env;
console.log(\`secret=\${secret}\`);
logger.info('token');
logger.info(envSecret);
      `,
            },
          ],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env.AWS_SECRET_ACCESS_KEY`' },
          line: 8, column: 13, endLine: 8, endColumn: 22,
          suggestions: [],
        },
      ],
    },
    {
      // A configuration object the file builds with keys in it.
      code: `
const config = { region: 'eu-west-1', credentials: { accessKeyId: keyId, secretAccessKey: secret } };
console.log(config);
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`secretAccessKey`' },
          line: 3, column: 13, endLine: 3, endColumn: 19,
          suggestions: [],
        },
      ],
    },
    {
      // `Token` of credential-shaped objects: named so, or built with `AccessKeyId`.
      code: `
const imdsCredentials = await response.json();
console.log(imdsCredentials.Token);
const entry = { AccessKeyId: keyId, SecretAccessKey: secret, Token: token };
logger.debug('cached', entry.Token);
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`Token`' },
          line: 3, column: 13, endLine: 3, endColumn: 34,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const imdsCredentials = await response.json();
console.log(imdsCredentials.AccessKeyId);
const entry = { AccessKeyId: keyId, SecretAccessKey: secret, Token: token };
logger.debug('cached', entry.Token);
      `,
            },
          ],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`Token`' },
          line: 5, column: 24, endLine: 5, endColumn: 35,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const imdsCredentials = await response.json();
console.log(imdsCredentials.Token);
const entry = { AccessKeyId: keyId, SecretAccessKey: secret, Token: token };
logger.debug('cached');
      `,
            },
          ],
        },
      ],
    },
    {
      // Logger forms: `this.log`, `req.log` (pino-http), NestJS `Logger`, a name ending in `Logger`, winston's `log`.
      code: `
const creds = await loadCredentials();
this.log.error(creds.secretAccessKey);
req.log.info(creds.secretAccessKey);
Logger.log(creds.secretAccessKey);
auditLogger.fatal(creds.secretAccessKey);
logger.log('info', creds.secretAccessKey);
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`secretAccessKey`' },
          line: 3, column: 16, endLine: 3, endColumn: 37,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const creds = await loadCredentials();
this.log.error(creds.accessKeyId);
req.log.info(creds.secretAccessKey);
Logger.log(creds.secretAccessKey);
auditLogger.fatal(creds.secretAccessKey);
logger.log('info', creds.secretAccessKey);
      `,
            },
          ],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`secretAccessKey`' },
          line: 4, column: 14, endLine: 4, endColumn: 35,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const creds = await loadCredentials();
this.log.error(creds.secretAccessKey);
req.log.info(creds.accessKeyId);
Logger.log(creds.secretAccessKey);
auditLogger.fatal(creds.secretAccessKey);
logger.log('info', creds.secretAccessKey);
      `,
            },
          ],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`secretAccessKey`' },
          line: 5, column: 12, endLine: 5, endColumn: 33,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const creds = await loadCredentials();
this.log.error(creds.secretAccessKey);
req.log.info(creds.secretAccessKey);
Logger.log(creds.accessKeyId);
auditLogger.fatal(creds.secretAccessKey);
logger.log('info', creds.secretAccessKey);
      `,
            },
          ],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`secretAccessKey`' },
          line: 6, column: 19, endLine: 6, endColumn: 40,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const creds = await loadCredentials();
this.log.error(creds.secretAccessKey);
req.log.info(creds.secretAccessKey);
Logger.log(creds.secretAccessKey);
auditLogger.fatal(creds.accessKeyId);
logger.log('info', creds.secretAccessKey);
      `,
            },
          ],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`secretAccessKey`' },
          line: 7, column: 20, endLine: 7, endColumn: 41,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const creds = await loadCredentials();
this.log.error(creds.secretAccessKey);
req.log.info(creds.secretAccessKey);
Logger.log(creds.secretAccessKey);
auditLogger.fatal(creds.secretAccessKey);
logger.log('info');
      `,
            },
          ],
        },
      ],
    },
    {
      // Loggers the file creates: pino, its children, winston, bunyan, `console.Console`.
      code: `
import pino from 'pino';
import winston from 'winston';
import bunyan from 'bunyan';
const app = pino({ level: 'debug' });
const request = app.child({ route: '/upload' });
const audit = winston.createLogger({ transports: [] });
const jobs = bunyan.createLogger({ name: 'jobs' });
const out = new console.Console(process.stdout);
app.info(process.env);
request.debug(process.env);
app.child({ job: 1 }).warn(process.env);
audit.silly(process.env);
jobs.trace(process.env);
out.log(process.env);
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env`' },
          line: 10, column: 10, endLine: 10, endColumn: 21,
          suggestions: [],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env`' },
          line: 11, column: 15, endLine: 11, endColumn: 26,
          suggestions: [],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env`' },
          line: 12, column: 28, endLine: 12, endColumn: 39,
          suggestions: [],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env`' },
          line: 13, column: 13, endLine: 13, endColumn: 24,
          suggestions: [],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env`' },
          line: 14, column: 12, endLine: 14, endColumn: 23,
          suggestions: [],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env`' },
          line: 15, column: 9, endLine: 15, endColumn: 20,
          suggestions: [],
        },
      ],
    },
    {
      // `require('pino')()` in CommonJS, and the console methods beyond `log`.
      code: `
const log2 = require('pino')();
log2.error(process.env);
console.dir(process.env, { depth: null });
console.trace(process.env);
console.debug(process.env);
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env`' },
          line: 3, column: 12, endLine: 3, endColumn: 23,
          suggestions: [],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env`' },
          line: 4, column: 13, endLine: 4, endColumn: 24,
          suggestions: [],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env`' },
          line: 5, column: 15, endLine: 5, endColumn: 26,
          suggestions: [],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env`' },
          line: 6, column: 15, endLine: 6, endColumn: 26,
          suggestions: [],
        },
      ],
    },
    {
      // STS `Credentials` (ESM named import): the suggestion logs the key ID and expiration.
      code: `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
const sts = new STSClient({});
const response = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'deploy' }));
console.log(response.Credentials);
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: 'STS `Credentials`' },
          line: 5, column: 13, endLine: 5, endColumn: 33,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
const sts = new STSClient({});
const response = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'deploy' }));
console.log({ AccessKeyId: response.Credentials?.AccessKeyId, Expiration: response.Credentials?.Expiration });
      `,
            },
          ],
        },
      ],
    },
    {
      // The whole response (aliased import), with the command held in a constant.
      code: `
import { AssumeRoleCommand as AssumeRole, STSClient as Sts } from '@aws-sdk/client-sts';
const command = new AssumeRole({ RoleArn: roleArn, RoleSessionName: 'deploy' });
const result = await new Sts({}).send(command);
logger.info(result, 'role assumed');
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: 'STS `Credentials`' },
          line: 5, column: 13, endLine: 5, endColumn: 19,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
import { AssumeRoleCommand as AssumeRole, STSClient as Sts } from '@aws-sdk/client-sts';
const command = new AssumeRole({ RoleArn: roleArn, RoleSessionName: 'deploy' });
const result = await new Sts({}).send(command);
logger.info({ AccessKeyId: result.Credentials?.AccessKeyId, Expiration: result.Credentials?.Expiration }, 'role assumed');
      `,
            },
          ],
        },
      ],
    },
    {
      // Namespace import, destructured `Credentials` in a shorthand property.
      code: `
import * as sts from '@aws-sdk/client-sts';
const client = new sts.STSClient({});
const { Credentials } = await client.send(new sts.AssumeRoleWithWebIdentityCommand(input));
logger.info({ Credentials }, 'web identity');
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: 'STS `Credentials`' },
          line: 5, column: 15, endLine: 5, endColumn: 26,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
import * as sts from '@aws-sdk/client-sts';
const client = new sts.STSClient({});
const { Credentials } = await client.send(new sts.AssumeRoleWithWebIdentityCommand(input));
logger.info({ Credentials: { AccessKeyId: Credentials?.AccessKeyId, Expiration: Credentials?.Expiration } }, 'web identity');
      `,
            },
          ],
        },
      ],
    },
    {
      // `require` declared (CommonJS), inside `JSON.stringify`.
      code: `
const { GetSessionTokenCommand, STSClient } = require('@aws-sdk/client-sts');
async function openSession() {
  const session = await new STSClient({}).send(new GetSessionTokenCommand({ DurationSeconds: 3600 }));
  console.log(JSON.stringify(session.Credentials));
}
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: 'STS `Credentials`' },
          line: 5, column: 30, endLine: 5, endColumn: 49,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const { GetSessionTokenCommand, STSClient } = require('@aws-sdk/client-sts');
async function openSession() {
  const session = await new STSClient({}).send(new GetSessionTokenCommand({ DurationSeconds: 3600 }));
  console.log(JSON.stringify({ AccessKeyId: session.Credentials?.AccessKeyId, Expiration: session.Credentials?.Expiration }));
}
      `,
            },
          ],
        },
      ],
    },
    {
      // `require` declared as a global, aliased destructuring, spread into the log object.
      code: `
const { STSClient: Client, AssumeRoleCommand: Assume } = require('@aws-sdk/client-sts');
const { Credentials: session } = await new Client({}).send(new Assume(input));
logger.debug({ ...session, role: input.RoleArn });
      `,
      languageOptions: requireDeclared,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: 'STS `Credentials`' },
          line: 4, column: 19, endLine: 4, endColumn: 26,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const { STSClient: Client, AssumeRoleCommand: Assume } = require('@aws-sdk/client-sts');
const { Credentials: session } = await new Client({}).send(new Assume(input));
logger.debug({ AccessKeyId: session?.AccessKeyId, Expiration: session?.Expiration, role: input.RoleArn });
      `,
            },
          ],
        },
      ],
    },
    {
      // `require` not declared (an ES module that still calls it), member access on the module.
      code: `
const stsModule = require('@aws-sdk/client-sts');
const client = new stsModule.STSClient({});
const federation = await client.send(new stsModule.GetFederationTokenCommand({ Name: 'partner' }));
console.log(federation.Credentials);
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: 'STS `Credentials`' },
          line: 5, column: 13, endLine: 5, endColumn: 35,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const stsModule = require('@aws-sdk/client-sts');
const client = new stsModule.STSClient({});
const federation = await client.send(new stsModule.GetFederationTokenCommand({ Name: 'partner' }));
console.log({ AccessKeyId: federation.Credentials?.AccessKeyId, Expiration: federation.Credentials?.Expiration });
      `,
            },
          ],
        },
      ],
    },
    {
      // `await import()`.
      code: `
const { AssumeRoleCommand, STSClient } = await import('@aws-sdk/client-sts');
const response = await new STSClient({}).send(new AssumeRoleCommand(input));
console.dir(response.Credentials, { depth: null });
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: 'STS `Credentials`' },
          line: 4, column: 13, endLine: 4, endColumn: 33,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const { AssumeRoleCommand, STSClient } = await import('@aws-sdk/client-sts');
const response = await new STSClient({}).send(new AssumeRoleCommand(input));
console.dir({ AccessKeyId: response.Credentials?.AccessKeyId, Expiration: response.Credentials?.Expiration }, { depth: null });
      `,
            },
          ],
        },
      ],
    },
    {
      // The v3 aggregated client.
      code: `
import { STS } from '@aws-sdk/client-sts';
const { Credentials } = await new STS({}).assumeRole(input);
console.log(Credentials);
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: 'STS `Credentials`' },
          line: 4, column: 13, endLine: 4, endColumn: 24,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
import { STS } from '@aws-sdk/client-sts';
const { Credentials } = await new STS({}).assumeRole(input);
console.log({ AccessKeyId: Credentials?.AccessKeyId, Expiration: Credentials?.Expiration });
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 (default import): `.promise()` and callback responses.
      code: `
import AWS from 'aws-sdk';
const sts = new AWS.STS();
const data = await sts.assumeRole(params).promise();
console.log(data.Credentials);
sts.getSessionToken({}, (error, session) => {
  logger.info(session);
});
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: 'STS `Credentials`' },
          line: 5, column: 13, endLine: 5, endColumn: 29,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
import AWS from 'aws-sdk';
const sts = new AWS.STS();
const data = await sts.assumeRole(params).promise();
console.log({ AccessKeyId: data.Credentials?.AccessKeyId, Expiration: data.Credentials?.Expiration });
sts.getSessionToken({}, (error, session) => {
  logger.info(session);
});
      `,
            },
          ],
        },
        {
          messageId: 'credentialLogged',
          data: { what: 'STS `Credentials`' },
          line: 7, column: 15, endLine: 7, endColumn: 22,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
import AWS from 'aws-sdk';
const sts = new AWS.STS();
const data = await sts.assumeRole(params).promise();
console.log(data.Credentials);
sts.getSessionToken({}, (error, session) => {
  logger.info({ AccessKeyId: session.Credentials?.AccessKeyId, Expiration: session.Credentials?.Expiration });
});
      `,
            },
          ],
        },
      ],
    },
    {
      // A resolved identity: `await provider()`, a provider kept in a constant, `client.config.credentials()`.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
const identity = await fromNodeProviderChain()();
logger.info(identity);
const provider = fromIni({ profile: 'ci' });
const ci = await provider();
console.log('ci', { ci });
const s3 = new S3Client({});
console.log(await s3.config.credentials());
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: 'resolved credentials' },
          line: 5, column: 13, endLine: 5, endColumn: 21,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
const identity = await fromNodeProviderChain()();
logger.info({ accessKeyId: identity.accessKeyId, expiration: identity.expiration });
const provider = fromIni({ profile: 'ci' });
const ci = await provider();
console.log('ci', { ci });
const s3 = new S3Client({});
console.log(await s3.config.credentials());
      `,
            },
          ],
        },
        {
          messageId: 'credentialLogged',
          data: { what: 'resolved credentials' },
          line: 8, column: 21, endLine: 8, endColumn: 23,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
const identity = await fromNodeProviderChain()();
logger.info(identity);
const provider = fromIni({ profile: 'ci' });
const ci = await provider();
console.log('ci', { ci: { accessKeyId: ci.accessKeyId, expiration: ci.expiration } });
const s3 = new S3Client({});
console.log(await s3.config.credentials());
      `,
            },
          ],
        },
        {
          // Logging the call itself: a replacement would call the provider twice, so no suggestion.
          messageId: 'credentialLogged',
          data: { what: 'resolved credentials' },
          line: 10, column: 13, endLine: 10, endColumn: 42,
          suggestions: [],
        },
      ],
    },
    {
      // v2 (CommonJS): the global credentials, the global config, a service's config, a credentials instance.
      code: `
const AWS = require('aws-sdk');
const s3 = new AWS.S3();
const instanceRole = new AWS.EC2MetadataCredentials();
console.log(AWS.config.credentials);
console.log('config', AWS.config);
logger.error(s3.config.credentials);
logger.info(instanceRole);
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`AWS.config.credentials`' },
          line: 5, column: 13, endLine: 5, endColumn: 35,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const AWS = require('aws-sdk');
const s3 = new AWS.S3();
const instanceRole = new AWS.EC2MetadataCredentials();
console.log({ accessKeyId: AWS.config.credentials?.accessKeyId });
console.log('config', AWS.config);
logger.error(s3.config.credentials);
logger.info(instanceRole);
      `,
            },
          ],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`AWS.config`' },
          line: 6, column: 23, endLine: 6, endColumn: 33,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const AWS = require('aws-sdk');
const s3 = new AWS.S3();
const instanceRole = new AWS.EC2MetadataCredentials();
console.log(AWS.config.credentials);
console.log('config', { accessKeyId: AWS.config.credentials?.accessKeyId });
logger.error(s3.config.credentials);
logger.info(instanceRole);
      `,
            },
          ],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`config.credentials`' },
          line: 7, column: 14, endLine: 7, endColumn: 35,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const AWS = require('aws-sdk');
const s3 = new AWS.S3();
const instanceRole = new AWS.EC2MetadataCredentials();
console.log(AWS.config.credentials);
console.log('config', AWS.config);
logger.error({ accessKeyId: s3.config.credentials?.accessKeyId });
logger.info(instanceRole);
      `,
            },
          ],
        },
        {
          messageId: 'credentialLogged',
          data: { what: 'an `AWS.EC2MetadataCredentials` object' },
          line: 8, column: 13, endLine: 8, endColumn: 25,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const AWS = require('aws-sdk');
const s3 = new AWS.S3();
const instanceRole = new AWS.EC2MetadataCredentials();
console.log(AWS.config.credentials);
console.log('config', AWS.config);
logger.error(s3.config.credentials);
logger.info({ accessKeyId: instanceRole.accessKeyId, expireTime: instanceRole.expireTime });
      `,
            },
          ],
        },
      ],
    },
  ],
});

tsRuleTester.run(`${rule.name} (TypeScript)`, rule, {
  valid: [
    // A type-only import follows nothing; the access key ID alone is fine.
    `
import type { Credentials } from '@aws-sdk/client-sts';
export function show(credentials: Credentials): void {
  console.log(credentials.AccessKeyId as string);
}
    `,
  ],
  invalid: [
    {
      // TS `import x = require()`, with `as` and `!` around the logged value.
      code: `
import sts = require('@aws-sdk/client-sts');
const client = new sts.STSClient({});
const response = await client.send(new sts.AssumeRoleCommand(input));
console.log(response.Credentials! as sts.Credentials);
logger.info('secret', response.Credentials!.SecretAccessKey as string);
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: 'STS `Credentials`' },
          line: 5, column: 13, endLine: 5, endColumn: 33,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
import sts = require('@aws-sdk/client-sts');
const client = new sts.STSClient({});
const response = await client.send(new sts.AssumeRoleCommand(input));
console.log({ AccessKeyId: response.Credentials?.AccessKeyId, Expiration: response.Credentials?.Expiration });
logger.info('secret', response.Credentials!.SecretAccessKey as string);
      `,
            },
          ],
        },
        {
          messageId: 'credentialLogged',
          data: { what: '`SecretAccessKey`' },
          line: 6, column: 23, endLine: 6, endColumn: 60,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
import sts = require('@aws-sdk/client-sts');
const client = new sts.STSClient({});
const response = await client.send(new sts.AssumeRoleCommand(input));
console.log(response.Credentials! as sts.Credentials);
logger.info('secret');
      `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run(`${rule.name} (logger packages)`, rule, {
  valid: [
    // A default export of a local module and a factory of another package are not loggers by themselves.
    `
import P from './pino-wrapper.js';
import { createMetrics } from 'metrics';
const out = P();
out.info(process.env);
const m = createMetrics();
m.info(creds.secretAccessKey);
    `,
    // The access key ID alone, through the packages' own default loggers.
    `
import consola from 'consola';
import signale from 'signale';
consola.info('key', creds.accessKeyId);
signale.success({ keyId: creds.accessKeyId, expiration: creds.expiration });
    `,
  ],
  invalid: [
    {
      // pino under another local name: the logger is known by its module, not by its name.
      code: `
import P from 'pino';
const out = P({ level: 'debug' });
out.info(process.env);
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env`' },
          line: 4, column: 10, endLine: 4, endColumn: 21,
          suggestions: [],
        },
      ],
    },
    {
      // winston's default logger.
      code: `
import winston from 'winston';
winston.warn('key', creds.secretAccessKey);
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`secretAccessKey`' },
          line: 3, column: 21, endLine: 3, endColumn: 42,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
import winston from 'winston';
winston.warn('key');
      `,
            },
          ],
        },
      ],
    },
    {
      // consola's named instance, required.
      code: `
const { consola } = require('consola');
consola.error(\`token \${process.env.AWS_SESSION_TOKEN}\`);
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env.AWS_SESSION_TOKEN`' },
          line: 3, column: 24, endLine: 3, endColumn: 53,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const { consola } = require('consola');
consola.error(\`token \${process.env.AWS_ACCESS_KEY_ID}\`);
      `,
            },
          ],
        },
      ],
    },
    {
      // A signale instance.
      code: `
import { Signale } from 'signale';
const notes = new Signale({ scope: 'deploy' });
notes.error(creds.sessionToken);
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`sessionToken`' },
          line: 4, column: 13, endLine: 4, endColumn: 31,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
import { Signale } from 'signale';
const notes = new Signale({ scope: 'deploy' });
notes.error(creds.accessKeyId);
      `,
            },
          ],
        },
      ],
    },
    {
      // npmlog's levels include `http`, which no other logger has.
      code: `
const npmlog = require('npmlog');
npmlog.http('sts', creds.SessionToken);
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`SessionToken`' },
          line: 3, column: 20, endLine: 3, endColumn: 38,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
const npmlog = require('npmlog');
npmlog.http('sts');
      `,
            },
          ],
        },
      ],
    },
    {
      // A NestJS `Logger` instance under another name.
      code: `
import { Logger } from '@nestjs/common';
const audit = new Logger('Audit');
audit.log({ secretAccessKey: keys.secret });
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`secretAccessKey`' },
          line: 4, column: 30, endLine: 4, endColumn: 41,
          suggestions: [
            {
              messageId: 'logAccessKeyIdOnly',
              output: `
import { Logger } from '@nestjs/common';
const audit = new Logger('Audit');
audit.log({});
      `,
            },
          ],
        },
      ],
    },
    {
      // pino through `await import()`.
      code: `
const { default: createPino } = await import('pino');
const out = createPino();
out.warn(process.env);
      `,
      output: null,
      errors: [
        {
          messageId: 'credentialLogged',
          data: { what: '`process.env`' },
          line: 4, column: 10, endLine: 4, endColumn: 21,
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run(`${rule.name} (auth tokens and presigned URLs)`, rule, {
  valid: [
    // length, boolean, a part of the URL
    `
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Signer } from '@aws-sdk/rds-signer';

const s3 = new S3Client({});
const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
console.log(url.length, Boolean(url), !!url, url.split('?')[0]);
const token = await new Signer({}).getAuthToken();
console.log('signed a token of', token.length, 'characters');
console.log(\`token ready: \${token !== ''}\`);
`,
    // a file that signs nothing: a URL or token it logs came from elsewhere (another module, a v3 client's output)
    `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { downloadUrl, authToken } from './links.js';

const s3 = new S3Client({});
const object = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
console.log(downloadUrl, authToken, await makeLink(), object.ETag);
`,
  ],
  invalid: [
    {
      // token logged directly, in a template, through a variable
      code: `
import { Signer } from '@aws-sdk/rds-signer';
import pino from 'pino';

const logger = pino();
const signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });
const token = await signer.getAuthToken();
console.log(await signer.getAuthToken());
console.log(\`token: \${token}\`);
logger.info({ token }, 'signed');
`,
      errors: [
        {
          messageId: 'credentialLogged',
          line: 8,
          column: 13,
          endLine: 8,
          endColumn: 40,
          data: { what: 'an IAM auth token from `Signer.getAuthToken` (a presigned URL that carries the session token)' },
          suggestions: [],
        },
        {
          messageId: 'credentialLogged',
          line: 9,
          column: 23,
          endLine: 9,
          endColumn: 28,
          data: { what: 'an IAM auth token from `Signer.getAuthToken` (a presigned URL that carries the session token)' },
          suggestions: [],
        },
        {
          messageId: 'credentialLogged',
          line: 10,
          column: 15,
          endLine: 10,
          endColumn: 20,
          data: { what: 'an IAM auth token from `Signer.getAuthToken` (a presigned URL that carries the session token)' },
          suggestions: [
            { messageId: 'logAccessKeyIdOnly', output: `
import { Signer } from '@aws-sdk/rds-signer';
import pino from 'pino';

const logger = pino();
const signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });
const token = await signer.getAuthToken();
console.log(await signer.getAuthToken());
console.log(\`token: \${token}\`);
logger.info({}, 'signed');
` },
          ],
        },
      ],
    },
    {
      // v3 presigned URL and v2 s3.getSignedUrl, winston
      code: `
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import AWS from 'aws-sdk';
import winston from 'winston';

const logger = winston.createLogger();
const s3 = new S3Client({});
const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: 600 });
logger.info('link', url);
const legacy = new AWS.S3();
const link = legacy.getSignedUrl('getObject', { Bucket: 'b', Key: 'k' });
console.log('link ' + link);
console.log(await legacy.getSignedUrlPromise('getObject', { Bucket: 'b', Key: 'k' }));
`,
      errors: [
        {
          messageId: 'credentialLogged',
          line: 10,
          column: 21,
          endLine: 10,
          endColumn: 24,
          data: { what: 'a presigned URL from `getSignedUrl` (it carries the session token)' },
          suggestions: [
            { messageId: 'logAccessKeyIdOnly', output: `
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import AWS from 'aws-sdk';
import winston from 'winston';

const logger = winston.createLogger();
const s3 = new S3Client({});
const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: 600 });
logger.info('link');
const legacy = new AWS.S3();
const link = legacy.getSignedUrl('getObject', { Bucket: 'b', Key: 'k' });
console.log('link ' + link);
console.log(await legacy.getSignedUrlPromise('getObject', { Bucket: 'b', Key: 'k' }));
` },
          ],
        },
        {
          messageId: 'credentialLogged',
          line: 13,
          column: 23,
          endLine: 13,
          endColumn: 27,
          data: { what: 'a presigned URL from `S3.getSignedUrl` (it carries the session token)' },
          suggestions: [],
        },
        {
          messageId: 'credentialLogged',
          line: 14,
          column: 13,
          endLine: 14,
          endColumn: 85,
          data: { what: 'a presigned URL from `S3.getSignedUrlPromise` (it carries the session token)' },
          suggestions: [],
        },
      ],
    },
    {
      // cjs: dsql and v2 rds signer
      code: `
const { DsqlSigner } = require('@aws-sdk/dsql-signer');
const AWS = require('aws-sdk');

const dsql = new DsqlSigner({ hostname: 'cluster' });
dsql.getDbConnectAdminAuthToken().then((token) => console.log('token', token));
const rds = new AWS.RDS.Signer({});
console.debug(rds.getAuthToken({ username: 'app' }));
`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'credentialLogged',
          line: 6,
          column: 72,
          endLine: 6,
          endColumn: 77,
          data: { what: 'an IAM auth token from `DsqlSigner.getDbConnectAdminAuthToken` (a presigned URL that carries the session token)' },
          suggestions: [
            { messageId: 'logAccessKeyIdOnly', output: `
const { DsqlSigner } = require('@aws-sdk/dsql-signer');
const AWS = require('aws-sdk');

const dsql = new DsqlSigner({ hostname: 'cluster' });
dsql.getDbConnectAdminAuthToken().then((token) => console.log('token'));
const rds = new AWS.RDS.Signer({});
console.debug(rds.getAuthToken({ username: 'app' }));
` },
          ],
        },
        {
          messageId: 'credentialLogged',
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 52,
          data: { what: 'an IAM auth token from `RDS.Signer.getAuthToken` (a presigned URL that carries the session token)' },
          suggestions: [],
        },
      ],
    },
  ],
});
