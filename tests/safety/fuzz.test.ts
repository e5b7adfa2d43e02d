/**
 * Crash-freedom: lints a few thousand random programs with every rule of `plugin.configs.all` on and fails on any
 * exception (ESLint rethrows a rule's exception from `linter.verify`, adding `Rule: "<id>"` to its message) and on
 * any fatal message that is not a parse error. Programs come from eslump (random JavaScript, as ESLint core's own
 * fuzzer does) and from a generator that assembles AWS SDK-shaped snippets (every import form, clients, STS calls,
 * providers, `process.env` writes, loggers, timers, presigning, handlers, loops) around random expressions, in
 * three modes: ES module (espree), CommonJS (espree) and TypeScript (`@typescript-eslint/parser`).
 *
 * Deterministic: every program comes from a seeded PRNG (eslump's `Math.random` is replaced while it runs).
 * `FUZZ_SEED=<n>` picks another seed, `FUZZ_COUNT=<n>` the number of programs; a failure names the seed, the
 * program's index and mode, and prints the program.
 */
import { createRequire } from 'node:module';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import plugin from '../../src/index.js';

const require = createRequire(import.meta.url);
const { generateRandomJS } = require('eslump') as {
  generateRandomJS(options: { sourceType: 'module' | 'script'; maxDepth: number; comments: boolean }): string;
};

type Mode = 'module' | 'commonjs' | 'typescript';
type Source = 'eslump' | 'sdk';

const SEED = readIntegerEnvironment('FUZZ_SEED', 20_250_605);
const COUNT = readIntegerEnvironment('FUZZ_COUNT', 3000);
const MODES: readonly Mode[] = ['module', 'commonjs', 'typescript'];
/**
 * Which generator and mode program `index` gets: `SCHEDULE[index % SCHEDULE.length]`. The TypeScript parser costs
 * several times what espree does, so TypeScript gets a smaller share.
 */
const SCHEDULE: readonly (readonly [Source, Mode])[] = [
  ['eslump', 'module'],
  ['sdk', 'module'],
  ['eslump', 'commonjs'],
  ['sdk', 'commonjs'],
  ['eslump', 'module'],
  ['sdk', 'typescript'],
  ['eslump', 'commonjs'],
  ['sdk', 'module'],
  ['eslump', 'typescript'],
  ['sdk', 'commonjs'],
  ['eslump', 'module'],
  ['sdk', 'typescript'],
];
/** eslump's default depth (7) makes programs of several kilobytes; 5 keeps them short and varied. */
const ESLUMP_MAX_DEPTH = 5;
/** How many suggestions of fuzzed findings are applied and parsed again, at most (each costs a lint). */
const MAX_SUGGESTION_CHECKS = 400;

const FILES = ['**/*.js', '**/*.cjs', '**/*.ts'];
const LANGUAGE: Record<Mode, { filename: string; config: Linter.Config }> = {
  module: {
    filename: 'fuzz.js',
    config: { files: FILES, languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
  },
  commonjs: {
    filename: 'fuzz.cjs',
    config: { files: FILES, languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } },
  },
  typescript: {
    filename: 'fuzz.ts',
    config: {
      files: FILES,
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parser: tsParser as Linter.Parser },
    },
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Seeded randomness

/** A small seeded PRNG (mulberry32): the same seed always yields the same programs. */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d_2b_79_f5) >>> 0;
    let value = this.state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

/** The seed of program `index`: independent of the others, so that one program can be regenerated alone. */
function programSeed(index: number): number {
  return (Math.imul(SEED ^ 0x9e_37_79_b9, 0x85_eb_ca_6b) + Math.imul(index + 1, 0xc2_b2_ae_35)) >>> 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Fake secrets, assembled at run time so that no scanner flags this file

const FAKE = {
  keyId: ['AKIA', 'Q7NZ3KD2WX5PLMRT'].join(''),
  temporaryKeyId: ['AS', 'IA', 'M4XR7TQ2ZK3W5HJB'].join(''),
  secretKey: ['kR7+tP2qW9xZ', 'mB4nV8cL1sD6f', 'G3hJ5kQ0wE7rT/yU2iO'].join(''),
  sessionToken: ['IQoJb3JpZ2luX2Vj', 'EJr//////////wEaCXVzLWVhc3QtMSJH'.repeat(8), 'MEUCIQD7'].join(''),
  exampleKeyId: ['AKIAIOSFODNN7', 'EXAMPLE'].join(''),
};

// ---------------------------------------------------------------------------------------------------------------
// The SDK-snippet generator

interface ModuleSpec {
  /** Forms a local name for the whole module can take (`AWS`, `sts`, …). */
  namespace: string;
  /** The module has a default export worth importing as such (v2 `aws-sdk`, `aws-sdk/clients/*`). */
  hasDefault?: boolean;
}

const MODULES: Record<string, ModuleSpec> = {
  '@aws-sdk/client-sts': { namespace: 'sts' },
  '@aws-sdk/client-s3': { namespace: 's3' },
  '@aws-sdk/credential-providers': { namespace: 'providers' },
  '@aws-sdk/credential-provider-ini': { namespace: 'ini' },
  '@aws-sdk/s3-request-presigner': { namespace: 'presigner' },
  '@smithy/property-provider': { namespace: 'property' },
  'aws-sdk': { namespace: 'AWS', hasDefault: true },
  'aws-sdk/clients/sts': { namespace: 'STS', hasDefault: true },
  'aws-sdk/clients/s3': { namespace: 'S3', hasDefault: true },
  'node:child_process': { namespace: 'childProcess' },
  child_process: { namespace: 'cp' },
  'node:http': { namespace: 'http' },
  https: { namespace: 'https' },
  axios: { namespace: 'axios', hasDefault: true },
  'node-fetch': { namespace: 'nodeFetch', hasDefault: true },
  './aws-config.js': { namespace: 'localConfig' },
  './sts-client.js': { namespace: 'localSts' },
};

/** Same export names from unrelated modules: must be handled as unknown values. */
const LOOK_ALIKE_MODULES: Record<string, string> = {
  '@aws-sdk/client-sts': './sts-client.js',
  '@aws-sdk/credential-providers': './aws-config.js',
  'aws-sdk': './aws-config.js',
};

type ImportForm =
  | 'named'
  | 'aliased'
  | 'namespace'
  | 'default'
  | 'typeOnly'
  | 'dynamicNamed'
  | 'dynamicNamespace'
  | 'requireDestructure'
  | 'requireAliased'
  | 'requireNamespace'
  | 'requireMember'
  | 'importEquals'
  | 'none';

const FORMS: Record<Mode, readonly ImportForm[]> = {
  module: ['named', 'named', 'aliased', 'namespace', 'dynamicNamed', 'dynamicNamespace', 'requireDestructure', 'none'],
  commonjs: ['requireDestructure', 'requireDestructure', 'requireAliased', 'requireNamespace', 'requireMember', 'none'],
  typescript: ['named', 'aliased', 'namespace', 'importEquals', 'typeOnly', 'dynamicNamed', 'requireDestructure'],
};

/** One module's import in a generated program: its form, the local name of the module, the names it binds. */
interface ImportPlan {
  moduleId: string;
  form: ImportForm;
  namespace: string;
  /** Export name -> local name. */
  names: Map<string, string>;
}

/** Builds one program from snippets; `ref` decides how each SDK module is imported the first time it is used. */
class ProgramBuilder {
  readonly imports = new Map<string, ImportPlan>();
  private readonly declared = new Set<string>();
  private counter = 0;
  private readonly pools = {
    stsClient: [] as string[],
    s3Client: [] as string[],
    v2Client: [] as string[],
    credentials: [] as string[],
    stsCredentials: [] as string[],
    provider: [] as string[],
    fn: [] as string[],
  };

  constructor(
    readonly random: Random,
    readonly mode: Mode,
  ) {}

  /** A fresh local name. */
  fresh(base: string): string {
    this.counter += 1;
    return `${base}${this.counter}`;
  }

  /** An expression for export `name` of `moduleId` (`default` for the default export), importing it as chosen. */
  ref(moduleId: string, name: string): string {
    let plan = this.imports.get(moduleId);
    if (plan === undefined) {
      let form = this.random.pick(FORMS[this.mode]);
      if (MODULES[moduleId]?.hasDefault === true && this.random.chance(0.5)) form = 'default';
      const target = this.random.chance(0.05) ? (LOOK_ALIKE_MODULES[moduleId] ?? moduleId) : moduleId;
      const namespace = this.declare(MODULES[moduleId]?.namespace ?? 'mod');
      plan = { moduleId: target, form, namespace, names: new Map() };
      this.imports.set(moduleId, plan);
    }
    switch (plan.form) {
      case 'namespace':
      case 'dynamicNamespace':
      case 'requireNamespace':
      case 'importEquals':
        return name === 'default' ? `${plan.namespace}.default` : this.memberOf(plan.namespace, name);
      case 'default':
        if (name === 'default' || moduleId.startsWith('aws-sdk/clients/')) return plan.namespace;
        return this.memberOf(plan.namespace, name);
      default: {
        if (name === 'default') return plan.namespace;
        let local = plan.names.get(name);
        if (local === undefined) {
          local = this.declare(plan.form === 'aliased' || plan.form === 'requireAliased' ? `My${name}` : name);
          plan.names.set(name, local);
        }
        return local;
      }
    }
  }

  /** Reserves a top-level name: the wanted one, or the same with a number when it is taken. */
  declare(wanted: string): string {
    let name = wanted;
    for (let suffix = 2; this.declared.has(name); suffix++) name = `${wanted}${suffix}`;
    this.declared.add(name);
    return name;
  }

  private memberOf(object: string, name: string): string {
    return this.random.chance(0.1) ? `${object}['${name}']` : `${object}.${name}`;
  }

  /** The import statements, in a form that suits the mode (dynamic imports and `require` come after the static ones). */
  renderImports(): string {
    const lines: string[] = [];
    for (const plan of this.imports.values()) {
      const { namespace } = plan;
      const names = [...plan.names];
      const id = `'${plan.moduleId}'`;
      // `import { a, b as c }`, `const { a, b: c } = require()`.
      const list = (separator: string): string =>
        names.map(([name, local]) => (name === local ? name : `${name}${separator}${local}`)).join(', ');
      switch (plan.form) {
        case 'named':
        case 'aliased':
          lines.push(names.length > 0 ? `import { ${list(' as ')} } from ${id};` : `import ${id};`);
          break;
        case 'typeOnly':
          lines.push(`import type { ${list(' as ') || 'X'} } from ${id};`);
          break;
        case 'namespace':
          lines.push(`import * as ${namespace} from ${id};`);
          break;
        case 'default':
          lines.push(
            this.mode === 'commonjs'
              ? `const ${namespace} = require(${id});`
              : `import ${namespace}${names.length > 0 ? `, { ${list(' as ')} }` : ''} from ${id};`,
          );
          break;
        case 'importEquals':
          lines.push(`import ${namespace} = require(${id});`);
          break;
        case 'dynamicNamed':
          lines.push(`const { ${list(': ') || 'x'} } = await import(${id});`);
          break;
        case 'dynamicNamespace':
          lines.push(`const ${namespace} = await import(${id});`);
          break;
        case 'requireDestructure':
        case 'requireAliased':
          lines.push(`const { ${list(': ') || 'x'} } = require(${id});`);
          break;
        case 'requireNamespace':
          lines.push(`const ${namespace} = require(${id});`);
          break;
        case 'requireMember':
          for (const [name, local] of names) lines.push(`const ${local} = require(${id}).${name};`);
          break;
        case 'none':
          break;
      }
    }
    return lines.join('\n');
  }

  // --- pools of values created by earlier snippets ------------------------------------------------------------

  private fromPool(pool: keyof ProgramBuilder['pools'], create: () => string): string {
    const items = this.pools[pool];
    if (items.length > 0 && this.random.chance(0.7)) return this.random.pick(items);
    return create();
  }

  remember(pool: keyof ProgramBuilder['pools'], name: string): void {
    this.pools[pool].push(name);
  }

  stsClient(): string {
    return this.fromPool('stsClient', () => `new ${this.ref('@aws-sdk/client-sts', 'STSClient')}({})`);
  }

  s3Client(): string {
    return this.fromPool('s3Client', () => `new ${this.ref('@aws-sdk/client-s3', 'S3Client')}({ region: 'eu-west-1' })`);
  }

  v2Client(): string {
    return this.fromPool('v2Client', () => `new ${this.ref('aws-sdk', 'STS')}()`);
  }

  stsCredentials(): string {
    return this.fromPool('stsCredentials', () => this.pick(['Credentials', 'data.Credentials', 'response.Credentials']));
  }

  credentialsObject(): string {
    return this.fromPool('credentials', () => this.staticCredentials());
  }

  fn(): string {
    return this.fromPool('fn', () => this.pick(['refresh', 'loadCredentials', 'this.refresh', 'handler']));
  }

  pick<T>(items: readonly T[]): T {
    return this.random.pick(items);
  }

  /** Builds one of the options, and only that one: options create imports and names as they are built. */
  choose(options: readonly (() => string)[]): string {
    return this.random.pick(options)();
  }

  // --- expressions --------------------------------------------------------------------------------------------

  /**
   * A random expression, `depth` levels deep at most, with unusual node types on purpose. Operands are
   * parenthesized so that every combination parses (`1.x`, `a ?? b || c` would not).
   */
  expression(depth = 2): string {
    const leaf = (): string =>
      this.choose([
        () => 'x',
        () => 'event',
        () => 'config',
        () => 'this.credentials',
        () => 'process.env.AWS_ACCESS_KEY_ID',
        () => "process.env['AWS_SECRET_ACCESS_KEY']",
        () => 'process.env[name]',
        () => 'process.env',
        () => `'${this.pick([FAKE.keyId, FAKE.secretKey, FAKE.exampleKeyId, 'eu-west-1', '', 'secret'])}'`,
        () => `\`${this.pick([FAKE.temporaryKeyId, 'arn:aws:iam::123456789012:role/app', '169.254.169.254'])}\``,
        () => String(this.pick([0, 1, 900, 3600, 43_201, 604_801, 1e21])),
        () => '10n',
        () => '1_000',
        () => 'null',
        () => 'undefined',
        () => 'void 0',
        () => '/a+b/u',
        () => 'Date.now()',
        () => 'new Date()',
        () => 'Date.now',
        () => 'this',
        () => 'globalThis',
        () => this.mode === 'commonjs' ? 'module.exports' : 'import.meta.url',
        () => this.stsCredentials(),
        // From the pool only: creating one here would recurse.
        () => this.pick(this.pools.credentials.length > 0 ? this.pools.credentials : ['credentials']),
      ]);
    if (depth <= 0 || this.random.chance(0.35)) return leaf();
    const inner = (): string => `(${this.expression(depth - 1)})`;
    const shapes: (() => string)[] = [
      () => `${inner()}.${this.pick(['AccessKeyId', 'accessKeyId', 'Expiration', 'credentials', 'x'])}`,
      () => `${inner()}?.${this.pick(['SecretAccessKey', 'SessionToken', 'expiration'])}`,
      () => `${inner()}?.[${inner()}]`,
      () => `${inner()}[${inner()}]`,
      () => `${inner()}(${inner()})`,
      () => `${inner()}?.(...${inner()})`,
      () => `new ${this.pick(['Date', 'Map', 'Foo'])}(${inner()})`,
      () => `${inner()}, ${inner()}`,
      () => `${inner()} ${this.pick(['-', '+', '*', '<', '>=', '===', '&&', '||', '??', 'in', 'instanceof'])} ${inner()}`,
      () => `${this.pick(['!', '-', 'typeof ', 'void '])}${inner()}`,
      () => `${inner()} ? ${inner()} : ${inner()}`,
      () => `\`${this.pick(['a', 'key=', '[default]\\naws_access_key_id = '])}\${${inner()}}\${${inner()}}\``,
      () => `tag\`\${${inner()}}\``,
      () => `[${inner()}, ...${inner()}, , ${inner()}]`,
      () => this.objectLiteral(depth - 1),
      () => `async () => ${this.random.chance(0.5) ? inner() : `{ return ${inner()}; }`}`,
      () => `function ${this.random.chance(0.5) ? 'named' : ''}() { return ${inner()}; }`,
      () => `class { ${this.pick(['#x = 1;', 'static y = 2;', 'get z() { return 1; }', ''])} }`,
      () => `${this.pick(['x', 'config.credentials', 'process.env.AWS_SESSION_TOKEN'])} = ${inner()}`,
      () => `JSON.stringify(${inner()})`,
      () => `Object.assign(${inner()}, ${inner()})`,
    ];
    if (this.mode === 'typescript') {
      shapes.push(
        () => `${inner()} as ${this.pick(['any', 'string', 'AwsCredentialIdentity', 'const'])}`,
        () => `${inner()}!`,
        () => `${inner()} satisfies ${this.pick(['object', 'unknown', 'Partial<AwsCredentialIdentity>'])}`,
        () => `<any>${inner()}`,
        () => `${this.pick(['f', 'load'])}<${this.pick(['string', 'Credentials'])}>(${inner()})`,
      );
    }
    return this.pick(shapes)();
  }

  /** An object literal with odd members: spreads, computed and numeric keys, methods, accessors, `__proto__`. */
  objectLiteral(depth: number): string {
    const members: string[] = [];
    const count = this.random.int(0, 4);
    for (let index = 0; index < count; index++) {
      const value = this.expression(depth);
      members.push(
        this.choose([
          () => `${this.pick(['accessKeyId', 'secretAccessKey', 'sessionToken', 'expiration', 'region', 'credentials'])}: ${value}`,
          () => `'${this.pick(['accessKeyId', 'AWS_SECRET_ACCESS_KEY', 'aws_session_token'])}': ${value}`,
          () => `[${this.pick(['key', "'secretAccessKey'", '`sessionToken`', 'Symbol.iterator'])}]: ${value}`,
          () => `...${value}`,
          () => `0: ${value}`,
          () => `__proto__: ${value}`,
          () => `${this.pick(['accessKeyId', 'credentials', 'x'])}`,
          () => `${this.pick(['credentials', 'async expiration', 'get secretAccessKey', '*gen'])}() { return ${value}; }`,
        ]),
      );
    }
    return `{ ${members.join(', ')} }`;
  }

  /** What a credential field holds: literals, env reads, an STS response member, or anything. */
  credentialValue(field: 'AccessKeyId' | 'SecretAccessKey' | 'SessionToken' | 'Expiration'): string {
    const literal: Record<typeof field, readonly string[]> = {
      AccessKeyId: [FAKE.keyId, FAKE.temporaryKeyId, FAKE.exampleKeyId],
      SecretAccessKey: [FAKE.secretKey, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
      SessionToken: [FAKE.sessionToken, 'token'],
      Expiration: ['2030-01-01T00:00:00Z'],
    };
    const env: Record<typeof field, string> = {
      AccessKeyId: 'AWS_ACCESS_KEY_ID',
      SecretAccessKey: 'AWS_SECRET_ACCESS_KEY',
      SessionToken: 'AWS_SESSION_TOKEN',
      Expiration: 'AWS_CREDENTIAL_EXPIRATION',
    };
    const credentials = this.stsCredentials();
    return this.choose([
      () => `'${this.pick(literal[field])}'`,
      () => `process.env.${env[field]}`,
      () => `process.env['${env[field]}']`,
      () => `${credentials}.${field}`,
      () => `${credentials}?.${field}`,
      () => this.mode === 'typescript' ? `${credentials}!.${field}!` : `${credentials}.${field}`,
      () => this.mode === 'typescript' ? `(${credentials}.${field} as string)` : `String(${credentials}.${field})`,
      () => `config.${field.charAt(0).toLowerCase()}${field.slice(1)}`,
      () => this.expression(1),
    ]);
  }

  staticCredentials(): string {
    const members: string[] = [];
    if (this.random.chance(0.9)) members.push(`accessKeyId: ${this.credentialValue('AccessKeyId')}`);
    if (this.random.chance(0.9)) members.push(`secretAccessKey: ${this.credentialValue('SecretAccessKey')}`);
    if (this.random.chance(0.5)) members.push(`sessionToken: ${this.credentialValue('SessionToken')}`);
    if (this.random.chance(0.3)) members.push(`expiration: ${this.choose([() => `new Date(${this.credentialValue('Expiration')})`, () => this.credentialValue('Expiration')])}`);
    if (this.random.chance(0.1)) members.push(`token: ${this.credentialValue('SessionToken')}`);
    if (this.random.chance(0.1)) members.push(`...${this.expression(1)}`);
    if (this.random.chance(0.05)) members.push(`[key]: ${this.expression(1)}`);
    return `{ ${this.random.chance(0.1) ? members.reverse().join(', ') : members.join(', ')} }`;
  }

  providerCall(): string {
    const providers = '@aws-sdk/credential-providers';
    const duration = this.duration();
    return this.choose([
      () => `${this.ref(providers, 'fromIni')}(${this.choose([() => '', () => "{ profile: 'reports' }", () => '{ ignoreCache: true }', () => this.expression(1)])})`,
      () => `${this.ref('@aws-sdk/credential-provider-ini', 'fromIni')}({ profile: process.env.AWS_PROFILE })`,
      () => `${this.ref(providers, 'fromNodeProviderChain')}()`,
      () => `${this.ref(providers, 'fromEnv')}()`,
      () => `${this.ref(providers, 'fromTemporaryCredentials')}({ params: { RoleArn: 'arn:aws:iam::123456789012:role/app', DurationSeconds: ${duration} }${this.random.chance(0.3) ? `, masterCredentials: ${this.ref(providers, 'fromIni')}()` : ''} })`,
      () => `${this.ref(providers, 'fromInstanceMetadata')}(${this.pick(['', '{ maxRetries: 0 }', '{ timeout: 0, maxRetries: 3 }'])})`,
      () => `${this.ref(providers, 'fromContainerMetadata')}({ timeout: ${this.pick(['0', '1000', 'x'])} })`,
      () => `${this.ref(providers, 'fromWebToken')}({ roleArn: 'arn:aws:iam::123456789012:role/web', webIdentityToken: token, durationSeconds: ${duration} })`,
      () => `${this.ref(providers, 'createCredentialChain')}(${this.ref(providers, 'fromIni')}(), ${this.fn()})${this.random.chance(0.5) ? `.expireAfter(${this.pick(['15 * 60_000', '0', 'x'])})` : ''}`,
      () => `${this.ref('@smithy/property-provider', 'memoize')}(${this.fn()})`,
    ]);
  }

  duration(): string {
    return this.choose([
      () => '900',
      () => '899',
      () => '3600',
      () => '3601',
      () => '43200',
      () => '43201',
      () => '129600',
      () => '129601',
      () => '0',
      () => '-1',
      () => '60 * 60',
      () => '12 * 60 * 60',
      () => "'3600'",
      () => '1e9',
      () => 'NaN',
      () => 'DURATION',
      () => 'x',
      () => this.expression(1),
    ]);
  }

  /** The value given as a v3 client's `credentials`. */
  credentialsOption(): string {
    const arrow = `async () => ${this.random.chance(0.5) ? `(${this.staticCredentials()})` : `{ return ${this.staticCredentials()}; }`}`;
    return this.choose([
      () => this.staticCredentials(),
      () => this.credentialsObject(),
      () => this.providerCall(),
      () => arrow,
      () => this.fn(),
      () => `{ ...${this.credentialsObject()} }`,
      () => `await ${this.providerCall()}()`,
      () => `${this.expression(1)} ? ${this.providerCall()} : ${this.staticCredentials()}`,
      () => this.expression(2),
    ]);
  }

  clientConfig(): string {
    const members = [`region: ${this.pick(["'eu-west-1'", 'process.env.AWS_REGION', 'region'])}`];
    if (this.random.chance(0.75)) members.push(`credentials: ${this.credentialsOption()}`);
    if (this.random.chance(0.1)) members.push(`endpoint: ${this.pick(["'http://localhost:4566'", "'https://s3.amazonaws.com'", 'x'])}`);
    if (this.random.chance(0.1)) members.push(`...${this.expression(1)}`);
    const object = `{ ${members.join(', ')} }`;
    return this.choose([() => object, () => object, () => '', () => '{}', () => 'config', () => `...${this.expression(1)}`]);
  }

  // --- statements ---------------------------------------------------------------------------------------------

  stsInput(): string {
    const members = [
      "RoleArn: 'arn:aws:iam::123456789012:role/app'",
      `RoleSessionName: ${this.pick(["'app'", '`app-${Date.now()}`', 'name'])}`,
    ];
    if (this.random.chance(0.7)) members.push(`DurationSeconds: ${this.duration()}`);
    if (this.random.chance(0.1)) members.push(`...${this.expression(1)}`);
    return `{ ${members.join(', ')} }`;
  }

  stsCommand(): string {
    const command = this.choose([
      () => 'AssumeRoleCommand',
      () => 'AssumeRoleWithWebIdentityCommand',
      () => 'AssumeRoleWithSAMLCommand',
      () => 'GetSessionTokenCommand',
      () => 'GetFederationTokenCommand',
      () => 'GetCallerIdentityCommand',
    ]);
    return `new ${this.ref('@aws-sdk/client-sts', command)}(${this.random.chance(0.9) ? this.stsInput() : this.expression(1)})`;
  }

  /** One statement (or a few) of SDK-shaped code. */
  snippet(): string {
    const snippets: (() => string)[] = [
      () => {
        const name = this.fresh('client');
        const service = this.pick([
          ['@aws-sdk/client-s3', 'S3Client', 's3Client'],
          ['@aws-sdk/client-sts', 'STSClient', 'stsClient'],
          ['@aws-sdk/client-s3', 'S3', 's3Client'],
        ] as const);
        this.remember(service[2], name);
        return `const ${name} = new ${this.ref(service[0], service[1])}(${this.clientConfig()});`;
      },
      () => {
        const name = this.fresh('credentials');
        this.remember('credentials', name);
        const annotation = this.mode === 'typescript' && this.random.chance(0.5) ? ': AwsCredentialIdentity' : '';
        return `${this.pick(['const', 'let', 'var'])} ${name}${annotation} = ${this.staticCredentials()};`;
      },
      () => {
        const response = this.fresh('response');
        const credentials = this.fresh('creds');
        this.remember('stsCredentials', credentials);
        const call = `await ${this.stsClient()}.send(${this.stsCommand()})`;
        return this.choose([
          () => `const ${response} = ${call};\nconst ${credentials} = ${response}.Credentials;`,
          () => `const { Credentials: ${credentials} } = ${call};`,
          () => `const ${credentials} = (${call}).Credentials${this.mode === 'typescript' ? '!' : ''};`,
          () => `const { Credentials: { AccessKeyId, SecretAccessKey, SessionToken } = {} } = ${call};`,
          () => `${this.stsClient()}.send(${this.stsCommand()}).then(({ Credentials }) => { ${this.useCredentials('Credentials', true)} });`,
          () => `const ${credentials} = (await new ${this.ref('@aws-sdk/client-sts', 'STS')}({}).assumeRole(${this.stsInput()})).Credentials;`,
        ]);
      },
      () => this.useCredentials(this.stsCredentials(), false),
      () => {
        const provider = this.fresh('provider');
        const credentials = this.fresh('resolved');
        this.remember('provider', provider);
        this.remember('credentials', credentials);
        return this.choose([
          () => `const ${provider} = ${this.providerCall()};\nconst ${credentials} = await ${provider}();`,
          () => `const ${credentials} = await ${this.providerCall()}();`,
          () => `const ${credentials} = await ${this.s3Client()}.config.credentials();`,
          () => `const ${provider} = ${this.providerCall()};`,
        ]);
      },
      () => {
        const key = this.choose([
          () => 'AWS_ACCESS_KEY_ID',
          () => 'AWS_SECRET_ACCESS_KEY',
          () => 'AWS_SESSION_TOKEN',
          () => 'AWS_SECURITY_TOKEN',
          () => 'AWS_CREDENTIAL_EXPIRATION',
          () => 'AWS_REGION',
        ]);
        const value = this.credentialValue(this.pick(['AccessKeyId', 'SecretAccessKey', 'SessionToken'] as const));
        const spawn = this.ref(this.pick(['node:child_process', 'child_process']), this.pick(['spawn', 'execSync', 'fork']));
        return this.choose([
          () => `process.env.${key} = ${value};`,
          () => `process.env['${key}'] = ${value};`,
          () => `process.env[\`${key}\`] ??= ${value};`,
          () => `process.env[key] = ${value};`,
          () => `Object.assign(process.env, { ${key}: ${value} });`,
          () => `process.env = { ...process.env, ${key}: ${value} };`,
          () => `delete process.env.${key};`,
          () => `({ ${key}: process.env.${key} } = ${this.expression(1)});`,
          () => `${spawn}('aws', ['s3', 'ls'], { env: { ...process.env, ${key}: ${value} } });`,
          () => `${spawn}(\`aws s3 ls\`, { env: ${this.expression(1)} });`,
        ]);
      },
      () => {
        const logger = this.pick(['console.log', 'console.error', 'logger.info', 'log.debug', 'this.logger.warn', 'pino().info']);
        const credentials = this.choose([() => this.stsCredentials(), () => this.credentialsObject()]);
        return this.choose([
          () => `${logger}(${credentials});`,
          () => `${logger}('assumed role', ${credentials}.SecretAccessKey, ${credentials}?.SessionToken);`,
          () => `${logger}({ credentials: ${credentials} });`,
          () => `${logger}(\`token=\${${credentials}.SessionToken}\`);`,
          () => `${logger}(JSON.stringify(${credentials}, null, 2));`,
          () => `${logger}(process.env);`,
          () => `${logger}({ ...process.env });`,
          () => `${logger}(process.env.AWS_SECRET_ACCESS_KEY);`,
          () => `${logger}(${this.expression(2)});`,
        ]);
      },
      () => {
        const clientName = this.fresh('profileClient');
        const AWS = this.ref('aws-sdk', 'default');
        return this.choose([
          () => `const ${clientName} = new ${this.ref('@aws-sdk/client-s3', 'S3Client')}({ credentials: ${this.ref('@aws-sdk/credential-providers', 'fromIni')}(${this.pick(['', "{ profile: 'dev' }", '{ ignoreCache: true, profile }'])}) });`,
          () => `${AWS}.config.credentials = new ${AWS}.SharedIniFileCredentials({ profile: 'dev' });`,
          () => `const ${clientName} = new ${AWS}.S3({ credentials: new ${AWS}.SharedIniFileCredentials(${this.expression(1)}) });`,
        ]);
      },
      () => {
        const expiry = this.choose([
          () => `${this.stsCredentials()}.Expiration.getTime()`,
          () => `${this.credentialsObject()}.expiration`,
          () => 'expiresAt',
          () => 'this.expiry',
          () => `new Date(${this.stsCredentials()}?.Expiration).valueOf()`,
        ]);
        const now = this.fresh('now');
        const margin = this.pick(['', ' - 60_000', ' - 5 * 60 * 1000', ' - MARGIN', ' + 1000', ' - 300000']);
        return this.choose([
          () => `setTimeout(${this.fn()}, ${expiry} - Date.now()${margin});`,
          () => `setTimeout(() => ${this.fn()}(), ${expiry}${margin} - Date.now());`,
          () => `setInterval(${this.fn()}, ${this.expression(1)});`,
          () => `if (${expiry}${margin} < Date.now()) { ${this.fn()}(); }`,
          () => `if (Date.now() >= ${expiry}${margin}) await ${this.fn()}();`,
          () => `const ${this.fresh('expired')} = new Date() > ${expiry};`,
          () => `while (${expiry} - Date.now() < ${this.pick(['0', '60_000', '300_000', 'x'])}) { await ${this.fn()}(); }`,
          () => `const ${now} = Date.now;\nif (${now}() > ${expiry}) ${this.fn()}();`,
        ]);
      },
      () => {
        const s3 = this.s3Client();
        const presign = this.ref('@aws-sdk/s3-request-presigner', 'getSignedUrl');
        const command = `new ${this.ref('@aws-sdk/client-s3', this.pick(['GetObjectCommand', 'PutObjectCommand']))}({ Bucket: 'reports', Key: key })`;
        const S3 = this.ref(this.pick(['aws-sdk/clients/s3', 'aws-sdk']), this.pick(['default', 'S3']));
        const url = this.fresh('url');
        return this.choose([
          () => `const ${url} = await ${presign}(${s3}, ${command}, { expiresIn: ${this.pick(['3600', '604800', '604801', '7 * 24 * 3600', 'x'])} });`,
          () => `const ${url} = await ${presign}(${s3}, ${command});`,
          () => `const ${url} = new ${S3}().getSignedUrl('getObject', { Bucket: 'b', Key: 'k', Expires: ${this.pick(['60', '604801', 'x'])} });`,
          () => `const ${url} = await new ${S3}().getSignedUrlPromise('getObject', ${this.expression(1)});`,
        ]);
      },
      () => {
        const AWS = this.ref('aws-sdk', 'default');
        const sts = this.fresh('legacySts');
        const data = this.fresh('data');
        const key = this.fresh('key');
        this.remember('v2Client', sts);
        this.remember('stsCredentials', `${data}.Credentials`);
        return this.choose([
          () => `${AWS}.config.update({ accessKeyId: ${this.credentialValue('AccessKeyId')}, secretAccessKey: ${this.credentialValue('SecretAccessKey')}${this.random.chance(0.3) ? `, correctClockSkew: ${this.pick(['true', 'false'])}` : ''}${this.random.chance(0.2) ? `, systemClockOffset: ${this.pick(['0', '1000', 'x'])}` : ''} });`,
          () => `${AWS}.config.credentials = new ${AWS}.Credentials(${this.credentialValue('AccessKeyId')}, ${this.credentialValue('SecretAccessKey')}${this.random.chance(0.5) ? `, ${this.credentialValue('SessionToken')}` : ''});`,
          () => `${AWS}.config.credentials = new ${AWS}.Credentials(${this.staticCredentials()});`,
          () => `const ${sts} = new ${AWS}.STS(${this.choose([() => '', () => '{ correctClockSkew: false }', () => this.staticCredentials()])});\nconst ${data} = await ${sts}.assumeRole(${this.stsInput()}).promise();`,
          () => `${this.v2Client()}.assumeRole(${this.stsInput()}, (error, data) => {\n  ${AWS}.config.update({ accessKeyId: data.Credentials.AccessKeyId, secretAccessKey: data.Credentials.SecretAccessKey });\n});`,
          () => `const ${sts} = new ${AWS}.S3(new ${AWS}.Config({ accessKeyId: ${this.credentialValue('AccessKeyId')}, secretAccessKey: ${this.credentialValue('SecretAccessKey')} }));`,
          () => `await ${AWS}.config.credentials.getPromise();\nconst ${key} = ${AWS}.config.credentials.accessKeyId;\nnew ${AWS}.S3({ accessKeyId: ${key}, secretAccessKey: ${AWS}.config.credentials.secretAccessKey });`,
          () => `${AWS}.config.credentials.get((error) => { ${this.expression(1)}; });`,
          () => `${AWS}.config.credentials = new ${AWS}.ChainableTemporaryCredentials({ params: ${this.stsInput()}, masterCredentials: ${this.pick([`new ${AWS}.ChainableTemporaryCredentials({ params: {} })`, `${AWS}.config.credentials`, 'x'])} });`,
          () => `new ${AWS}.EC2MetadataCredentials({ maxRetries: ${this.pick(['0', '3'])} });\nnew ${AWS}.MetadataService(${this.pick(['', '{ httpOptions: { timeout: 0 } }', '{ httpOptions: {} }'])});`,
          () => `const ${sts} = new ${this.ref('aws-sdk/clients/sts', 'default')}(${this.choose([() => '', () => this.staticCredentials()])});`,
        ]);
      },
      () => {
        const url = this.choose([
          () => "'http://169.254.169.254/latest/meta-data/iam/security-credentials/'",
          () => '`http://169.254.169.254/latest/meta-data/iam/security-credentials/${role}`',
          () => '`http://169.254.170.2${process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}`',
          () => "'http://[fd00:ec2::254]/latest/api/token'",
          () => "'http://169.254.170.23/v1/credentials'",
          () => this.expression(1),
        ]);
        const http = this.ref(this.pick(['node:http', 'https', 'axios', 'node-fetch']), this.pick(['get', 'request', 'default']));
        return this.choose([
          () => `const ${this.fresh('metadata')} = await fetch(${url}${this.random.chance(0.3) ? ", { method: 'PUT' }" : ''});`,
          () => `${http}(${url}, (response) => {});`,
          () => `${http}({ host: '169.254.169.254', path: '/latest/meta-data/iam/security-credentials/', method: 'GET' });`,
          () => `const ${this.fresh('text')} = ${url};`,
        ]);
      },
      () => {
        const name = this.fresh('ini');
        return this.choose([
          () => `const ${name} = \`[default]\\naws_access_key_id = \${${this.credentialValue('AccessKeyId')}}\\naws_secret_access_key = \${${this.credentialValue('SecretAccessKey')}}\\n\`;`,
          () => `const ${name} = \`[default]\\naws_access_key_id = ${FAKE.keyId}\\naws_secret_access_key = ${FAKE.secretKey}\\naws_session_token = ${FAKE.sessionToken}\\n\`;`,
          () => `writeFileSync(file, \`aws_session_token=\${${this.credentialValue('SessionToken')}}\`);`,
          () => `const ${name} = 'AWS_SECRET_ACCESS_KEY=${FAKE.secretKey}';`,
        ]);
      },
      () => {
        const name = this.fresh('loadCredentials');
        this.remember('fn', name);
        const body = `const { Credentials } = await ${this.stsClient()}.send(${this.stsCommand()});\n  return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey${this.random.chance(0.6) ? ', sessionToken: Credentials.SessionToken' : ''}${this.random.chance(0.5) ? ', expiration: Credentials.Expiration' : ''} };`;
        return this.choose([
          () => `async function ${name}() {\n  ${body}\n}`,
          () => `const ${name} = async () => {\n  ${body}\n};`,
          () => `const ${name} = async () => (${this.staticCredentials()});`,
          () => `function ${name}() { return ${this.choose([() => this.staticCredentials(), () => this.expression(1), () => this.providerCall()])}; }`,
        ]);
      },
      () => `(${this.expression(2)});`,
      () => `let ${this.fresh('value')} = ${this.expression(2)};`,
      () => `${this.pick(['x', 'config', 'this.credentials'])} = ${this.expression(2)};`,
    ];
    if (this.mode === 'typescript') {
      snippets.push(
        () => `interface ${this.fresh('Options')} { credentials?: AwsCredentialIdentity; region: string }`,
        () => `type ${this.fresh('Alias')} = ${this.pick(['string', 'typeof x', 'ReturnType<typeof f>'])};`,
        () => `declare const ${this.fresh('declared')}: any;`,
        () => `enum ${this.fresh('Duration')} { Short = 900, Long = 43200 }`,
        () => `const ${this.fresh('typed')} = new ${this.ref('@aws-sdk/client-s3', 'S3Client')}(${this.staticCredentials()} as S3ClientConfig);`,
        () => `class ${this.fresh('Service')} {\n  constructor(private readonly client: S3Client = new ${this.ref('@aws-sdk/client-s3', 'S3Client')}(${this.clientConfig()})) {}\n}`,
      );
    }
    return this.pick(snippets)();
  }

  /** A client or config fed with the members of an STS `Credentials` object. */
  useCredentials(credentials: string, allowReturn: boolean): string {
    const members = [
      `accessKeyId: ${this.pick([`${credentials}.AccessKeyId`, `${credentials}?.AccessKeyId`, this.mode === 'typescript' ? `${credentials}!.AccessKeyId!` : `${credentials}.AccessKeyId`])}`,
      `secretAccessKey: ${credentials}.SecretAccessKey`,
    ];
    if (this.random.chance(0.5)) members.push(`sessionToken: ${credentials}.SessionToken`);
    if (this.random.chance(0.3)) members.push(`expiration: ${credentials}.Expiration`);
    if (this.random.chance(0.1)) members.push(`token: ${credentials}.Token`);
    const object = `{ ${members.join(', ')} }`;
    const uses = [
      `const ${this.fresh('client')} = new ${this.ref('@aws-sdk/client-s3', 'S3Client')}({ credentials: ${object} });`,
      `const ${this.fresh('client')} = new ${this.ref('@aws-sdk/client-s3', 'S3Client')}({ region, credentials: ${object}${this.mode === 'typescript' ? ' as AwsCredentialIdentity' : ''} });`,
      `new ${this.ref('aws-sdk', 'S3')}(${object});`,
      `${this.ref('aws-sdk', 'default')}.config.update(${object});`,
    ];
    return this.pick(allowReturn ? [...uses, `return ${object};`] : uses);
  }

  /** Wraps statements in a handler, route, loop, class, `try` or function, or leaves them at the top level. */
  wrap(body: string): string {
    const code = body.replaceAll('\n', '\n  ');
    // `async`: the container allows `await` in CommonJS, where the top level does not.
    const containers: { async: boolean; render: () => string }[] = [
      { async: false, render: () => body },
      { async: false, render: () => body },
      {
        async: true,
        render: () => `export const ${this.declare('handler')} = async (event, context) => {\n  ${code}\n};`,
      },
      { async: true, render: () => `exports.handler = async function (event) {\n  ${code}\n};` },
      { async: true, render: () => `module.exports.handler = async (event) => {\n  ${code}\n};` },
      {
        async: true,
        render: () => `app.get('/reports/:id', async (req, res) => {\n  ${code}\n  res.json({});\n});`,
      },
      { async: true, render: () => `router.post('/upload', async function (ctx, next) {\n  ${code}\n});` },
      { async: false, render: () => `for (const item of items) {\n  ${code}\n}` },
      { async: false, render: () => `for (let index = 0; index < 3; index++) {\n  ${code}\n}` },
      { async: false, render: () => `while (running) {\n  ${code}\n}` },
      {
        async: true,
        render: () => `export class ${this.declare('Worker')} {\n  async run() {\n    ${code.replaceAll('\n', '\n  ')}\n  }\n}`,
      },
      { async: false, render: () => `try {\n  ${code}\n} catch (error) {\n  console.error(error);\n}` },
      {
        async: true,
        render: () =>
          `async function ${this.declare('task')}(${this.pick(['', 'options', '{ credentials }', 'x = config'])}) {\n  ${code}\n}`,
      },
      { async: true, render: () => `(async () => {\n  ${code}\n})();` },
      { async: false, render: () => `if (${this.expression(1)}) {\n  ${code}\n} else {\n  ${code}\n}` },
      { async: false, render: () => `{\n  ${code}\n}` },
    ];
    const container = this.pick(containers);
    let wrapped = container.render();
    if (this.mode === 'commonjs') {
      // CommonJS has no ESM exports and no top-level await: an async IIFE keeps the program valid.
      wrapped = wrapped.replace(/^export /, '');
      if (!container.async && /\bawait\b/.test(body)) wrapped = `(async () => {\n  ${wrapped.replaceAll('\n', '\n  ')}\n})();`;
    }
    return wrapped;
  }

  build(): string {
    const statements: string[] = [];
    const count = this.random.int(1, 5);
    for (let index = 0; index < count; index++) {
      const group: string[] = [];
      const groupSize = this.random.int(1, 2);
      for (let member = 0; member < groupSize; member++) group.push(this.snippet());
      statements.push(this.wrap(group.join('\n')));
    }
    const header = this.renderImports();
    return `${header}${header === '' ? '' : '\n\n'}${statements.join('\n\n')}\n`;
  }
}

/** An SDK-shaped program for `mode`. */
function generateSdkProgram(random: Random, mode: Mode): string {
  return new ProgramBuilder(random, mode).build();
}

/**
 * A random eslump program. Half of them get an SDK import header (so that every rule's per-file work runs over
 * random code) and some get SDK snippets appended.
 */
function generateEslumpProgram(random: Random, mode: Mode): string {
  const original = Math.random;
  Math.random = () => random.next();
  let code: string;
  try {
    code = generateRandomJS({
      sourceType: mode === 'commonjs' ? 'script' : 'module',
      maxDepth: random.int(2, ESLUMP_MAX_DEPTH),
      comments: random.chance(0.2),
    });
  } finally {
    Math.random = original;
  }
  if (!random.chance(0.5)) return code;
  const builder = new ProgramBuilder(random, mode);
  const tail = random.chance(0.3) ? `\n${builder.wrap(builder.snippet())}\n` : '';
  for (const [moduleId, name] of [
    ['@aws-sdk/client-sts', 'STSClient'],
    ['aws-sdk', 'default'],
    ['@aws-sdk/credential-providers', 'fromIni'],
  ] as const) {
    if (random.chance(0.6)) builder.ref(moduleId, name);
  }
  return `${builder.renderImports()}\n${code}${tail}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Linting

interface Program {
  index: number;
  source: Source;
  mode: Mode;
  code: string;
}

interface Crash {
  program: Program;
  rule: string;
  error: string;
}

const linter = new Linter({ configType: 'flat' });
const pluginConfig = plugin.configs.all as Linter.Config;

function configFor(mode: Mode): Linter.Config[] {
  return [LANGUAGE[mode].config, { ...pluginConfig, files: FILES }];
}

function isParseError(message: Linter.LintMessage): boolean {
  return message.fatal === true && message.message.startsWith('Parsing error');
}

/** Lints one program: its messages, or the crash it caused. */
function lint(code: string, mode: Mode): { messages: Linter.LintMessage[] } | { crash: { rule: string; error: string } } {
  try {
    const messages = linter.verify(code, configFor(mode), LANGUAGE[mode].filename);
    const fatal = messages.find((message) => message.fatal === true && !isParseError(message));
    if (fatal !== undefined) return { crash: { rule: fatal.ruleId ?? '(no rule)', error: fatal.message } };
    return { messages };
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { crash: { rule: /Rule: "([^"]+)"/.exec(text)?.[1] ?? '(unknown rule)', error: text } };
  }
}

function describeCrash({ program, rule, error }: Crash): string {
  return [
    `${rule} crashed on ${program.source} program #${program.index} (${program.mode}, FUZZ_SEED=${SEED}):`,
    error.split('\n').slice(0, 8).join('\n'),
    '--- program ---',
    program.code,
    '---',
  ].join('\n');
}

/** Applies a suggestion's single merged fix. */
function applyFix(code: string, fix: { range: readonly [number, number]; text: string }): string {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

function readIntegerEnvironment(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative integer: ${value}`);
  return parsed;
}

// ---------------------------------------------------------------------------------------------------------------

describe('fuzz: every rule of configs.all on random programs', () => {
  const crashes: Crash[] = [];
  const brokenSuggestions: string[] = [];
  const counts = new Map<string, { total: number; parsed: number }>();
  const findingsPerRule: Record<Source, Map<string, number>> = { eslump: new Map(), sdk: new Map() };
  let suggestionChecks = 0;

  beforeAll(() => {
    const started = performance.now();
    for (let index = 0; index < COUNT; index++) {
      const random = new Random(programSeed(index));
      const [source, mode] = SCHEDULE[index % SCHEDULE.length] as readonly [Source, Mode];
      const code = source === 'eslump' ? generateEslumpProgram(random, mode) : generateSdkProgram(random, mode);
      const program: Program = { index, source, mode, code };
      const count = counts.get(`${source} ${mode}`) ?? { total: 0, parsed: 0 };
      counts.set(`${source} ${mode}`, count);
      count.total += 1;

      const result = lint(code, mode);
      if ('crash' in result) {
        crashes.push({ program, ...result.crash });
        continue;
      }
      if (result.messages.some(isParseError)) continue;
      count.parsed += 1;
      for (const message of result.messages) {
        if (message.ruleId === null) continue;
        const perRule = findingsPerRule[source];
        perRule.set(message.ruleId, (perRule.get(message.ruleId) ?? 0) + 1);
        for (const suggestion of message.suggestions ?? []) {
          if (suggestionChecks >= MAX_SUGGESTION_CHECKS) break;
          suggestionChecks += 1;
          const output = applyFix(code, suggestion.fix);
          const after = lint(output, mode);
          if ('crash' in after) {
            crashes.push({ program: { ...program, code: output }, ...after.crash });
          } else if (after.messages.some(isParseError)) {
            brokenSuggestions.push(
              [
                `${message.ruleId} suggestion "${suggestion.desc}" on ${source} program #${index} (${mode}, FUZZ_SEED=${SEED}) does not parse:`,
                after.messages.find(isParseError)?.message,
                '--- input ---',
                code,
                '--- output ---',
                output,
                '---',
              ].join('\n'),
            );
          }
        }
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const describeFindings = (perRule: Map<string, number>): string =>
      [...perRule]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([rule, count]) => `${rule.replace('aws-credentials/', '')} ${count}`)
        .join(', ') || 'none';
    console.info(
      [
        `fuzz: FUZZ_SEED=${SEED} FUZZ_COUNT=${COUNT}: ${COUNT} programs and ${suggestionChecks} applied suggestions linted in ${seconds} s`,
        `parsed: ${[...counts].map(([key, { total, parsed }]) => `${key} ${parsed}/${total}`).join(', ')}`,
        `findings in SDK programs: ${describeFindings(findingsPerRule.sdk)}`,
        `findings in eslump programs: ${describeFindings(findingsPerRule.eslump)}`,
      ].join('\n'),
    );
  }, 240_000);

  it('no rule throws, and no fatal message other than a parse error appears', () => {
    expect(crashes.map(describeCrash).join('\n\n')).toBe('');
  });

  it('suggestions on fuzzed findings produce code that parses', () => {
    expect(brokenSuggestions.join('\n\n')).toBe('');
  });

  // The SDK programs must exercise the rules, or the test proves nothing: most of them parse, and they produce findings.
  it.runIf(COUNT >= 60).each(MODES)('most SDK-snippet programs parse (%s)', (mode) => {
    const { total = 0, parsed = 0 } = counts.get(`sdk ${mode}`) ?? {};
    expect(total).toBeGreaterThan(0);
    expect(parsed / total).toBeGreaterThanOrEqual(0.8);
  });

  it.runIf(COUNT >= 60)('SDK-snippet programs produce findings', () => {
    expect(findingsPerRule.sdk.size).toBeGreaterThan(0);
  });
});
