/**
 * The database and cache client libraries that take a `password` and open connections with it: `pg`, `mysql2`,
 * `knex`, TypeORM, Sequelize, `ioredis` and `redis`, in every import form. Data and lookup only: which call builds a
 * pool or a long-lived client, and where its options hold the password.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getEndName, getEnclosingFunction, skipTransparent } from '../ast/nodes.js';
import { getFlow, type Flow, type FlowValue } from '../scope/flow.js';
import { CALL, CONSTRUCT, findModuleReferences, type TraceMap } from './module-references.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The libraries, as messages name them. */
export type DatabaseLibrary = 'ioredis' | 'knex' | 'mysql2' | 'pg' | 'redis' | 'sequelize' | 'typeorm';

/** Where one call's options hold the password: the key path inside the object at `argument` (`'any'`: any object). */
export interface PasswordSlot {
  argument: number | 'any';
  path: readonly string[];
}

/** What a call of a database library builds, and where it takes the password. */
export interface DatabaseClientInfo {
  library: DatabaseLibrary;
  /** The export as the message names it: `Pool`, `createPool`, `DataSource`. */
  name: string;
  /**
   * A pool, or a client that reconnects by itself, opens connections long after it is built. A `pg.Client` connects
   * once: it is long-lived only when it is kept (see `no-static-auth-token`).
   */
  pooled: boolean;
  slots: readonly PasswordSlot[];
  /** Sequelize's `new Sequelize(database, username, password, options)`: the password as a positional argument. */
  positional?: number;
}

/** One call or construction of a database library in the file. */
export interface DatabaseClientReference {
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  info: DatabaseClientInfo;
}

const first = (...path: string[]): PasswordSlot => ({ argument: 0, path });

const PG_POOL: DatabaseClientInfo = { library: 'pg', name: 'Pool', pooled: true, slots: [first('password')] };
const PG_CLIENT: DatabaseClientInfo = { library: 'pg', name: 'Client', pooled: false, slots: [first('password')] };
const MYSQL_POOL: DatabaseClientInfo = { library: 'mysql2', name: 'createPool', pooled: true, slots: [first('password')] };
const KNEX: DatabaseClientInfo = { library: 'knex', name: 'knex', pooled: true, slots: [first('connection', 'password')] };
const DATA_SOURCE: DatabaseClientInfo = { library: 'typeorm', name: 'DataSource', pooled: true, slots: [first('password')] };
const SEQUELIZE: DatabaseClientInfo = {
  library: 'sequelize',
  name: 'Sequelize',
  pooled: true,
  // `config.password || this.options.password`: the positional password first, else the options' (sequelize.js).
  slots: [{ argument: 'any', path: ['password'] }],
  positional: 2,
};
// `new Redis(port, host, options)`, `new Redis(url, options)`, `new Redis(options)`: ioredis reconnects by itself.
const IOREDIS: DatabaseClientInfo = {
  library: 'ioredis',
  name: 'Redis',
  pooled: true,
  slots: [{ argument: 'any', path: ['password'] }],
};
const IOREDIS_CLUSTER: DatabaseClientInfo = {
  library: 'ioredis',
  name: 'Cluster',
  pooled: true,
  slots: [{ argument: 1, path: ['redisOptions', 'password'] }],
};
const REDIS_CLIENT: DatabaseClientInfo = { library: 'redis', name: 'createClient', pooled: true, slots: [first('password')] };
const REDIS_CLUSTER: DatabaseClientInfo = {
  library: 'redis',
  name: 'createCluster',
  pooled: true,
  slots: [first('defaults', 'password')],
};

const MYSQL2 = { createPool: { [CALL]: MYSQL_POOL } };

/**
 * Module id → the exports that take a password. The tracker runs in legacy mode, so `default` is the module for
 * these CommonJS packages (`import pg from 'pg'; new pg.Pool()`). Sources: the packages' READMEs and types.
 */
const DATABASE_MODULES: TraceMap<DatabaseClientInfo> = {
  ioredis: { [CONSTRUCT]: IOREDIS, Redis: { [CONSTRUCT]: IOREDIS }, Cluster: { [CONSTRUCT]: IOREDIS_CLUSTER } },
  knex: { [CALL]: KNEX, knex: { [CALL]: KNEX } },
  mysql2: MYSQL2,
  'mysql2/promise': MYSQL2,
  pg: { Pool: { [CONSTRUCT]: PG_POOL }, Client: { [CONSTRUCT]: PG_CLIENT } },
  redis: { createClient: { [CALL]: REDIS_CLIENT }, createCluster: { [CALL]: REDIS_CLUSTER } },
  sequelize: { [CONSTRUCT]: SEQUELIZE, Sequelize: { [CONSTRUCT]: SEQUELIZE } },
  typeorm: { DataSource: { [CONSTRUCT]: DATA_SOURCE } },
};

const cache = new WeakMap<TSESTree.Program, readonly DatabaseClientReference[]>();

/**
 * Every pool and client the file builds with a database library, found once per file. `dynamicImports` are the
 * file's `import()` expressions.
 */
export function findDatabaseClients(
  sourceCode: SourceCode,
  dynamicImports: Iterable<TSESTree.ImportExpression>,
): readonly DatabaseClientReference[] {
  let found = cache.get(sourceCode.ast);
  if (!found) {
    const references = findModuleReferences(sourceCode, dynamicImports, {
      covers: (moduleId) => Object.hasOwn(DATABASE_MODULES, moduleId),
      createTraceMap: () => DATABASE_MODULES,
    });
    found = (references ?? []).flatMap(({ node, type, info }) =>
      type === 'read' ? [] : [{ node: node as TSESTree.CallExpression | TSESTree.NewExpression, info }],
    );
    cache.set(sourceCode.ast, found);
  }
  return found;
}

/** One place a client's options give the password, with every value the file shows it may hold. */
export interface PasswordInput {
  /** The `password` property, or the positional argument (Sequelize), or the options argument (a later write). */
  node: TSESTree.Node;
  property: TSESTree.Property | undefined;
  values: readonly FlowValue[];
}

/**
 * Where `client` receives a password: the `password` of its options (followed through variables, spreads and
 * helpers by the flow model), `connection.password` for knex, `redisOptions.password` for an ioredis `Cluster`.
 */
export function findPasswords(sourceCode: SourceCode, client: DatabaseClientReference): PasswordInput[] {
  const flow = getFlow(sourceCode);
  const { node, info } = client;
  const found: PasswordInput[] = [];
  const positional = info.positional === undefined ? undefined : node.arguments[info.positional];
  if (positional && positional.type !== AST_NODE_TYPES.SpreadElement) {
    found.push({ node: positional, property: undefined, values: flow.valuesOf(positional) });
  }
  for (const slot of info.slots) {
    const args = slot.argument === 'any' ? node.arguments : node.arguments.slice(slot.argument, slot.argument + 1);
    for (const argument of args) {
      if (argument.type !== AST_NODE_TYPES.SpreadElement && argument !== positional) {
        found.push(...lookupPath(flow, argument, flow.valuesOf(argument), slot.path));
      }
    }
  }
  return found;
}

function lookupPath(flow: Flow, argument: TSESTree.Node, values: readonly FlowValue[], path: readonly string[]): PasswordInput[] {
  const [key, ...rest] = path;
  if (key === undefined) {
    return [];
  }
  const found: PasswordInput[] = [];
  for (const value of values) {
    const lookup = flow.lookup(value, key);
    if (lookup.kind !== 'found') continue;
    if (rest.length > 0) {
      found.push(...lookupPath(flow, argument, lookup.values, rest));
    } else if (lookup.properties.length === 0) {
      found.push({ node: argument, property: undefined, values: lookup.values });
    } else {
      for (const property of lookup.properties) {
        found.push({ node: property, property, values: flow.valuesOf(property.value) });
      }
    }
  }
  return found;
}

/**
 * A client that outlives the code that built it: built at module level, or stored where other functions read it
 * (a module-level variable, a `this.k` field).
 */
export function isKeptClient(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  if (!getEnclosingFunction(node)) {
    return true;
  }
  const flow = getFlow(sourceCode);
  return flow.usesOf(node).some(({ node: use }) => {
    const read = skipTransparent(use);
    if (read.type === AST_NODE_TYPES.MemberExpression) return skipTransparent(read.object).type === AST_NODE_TYPES.ThisExpression;
    return read.type === AST_NODE_TYPES.Identifier && isModuleLevel(flow, read);
  });
}

/**
 * The module-level variable a value was stored in on its way (`const token = await signer.getAuthToken()` at the
 * top of the module, or `token = …` in a function), unless a `setInterval` callback writes it again.
 */
export function getModuleLevelHolder(sourceCode: SourceCode, value: FlowValue): TSESTree.Identifier | undefined {
  const flow = getFlow(sourceCode);
  for (const via of value.via) {
    const target =
      via.type === AST_NODE_TYPES.VariableDeclarator ? via.id : via.type === AST_NODE_TYPES.AssignmentExpression ? via.left : undefined;
    if (target?.type !== AST_NODE_TYPES.Identifier || !isModuleLevel(flow, target)) continue;
    const writer = getEnclosingFunction(via);
    const timer = writer?.parent.type === AST_NODE_TYPES.CallExpression ? getEndName(writer.parent.callee) : undefined;
    if (timer !== 'setInterval') return target;
  }
  return undefined;
}

function isModuleLevel(flow: Flow, identifier: TSESTree.Identifier): boolean {
  return flow.variableOf(identifier)?.scope.block.type === AST_NODE_TYPES.Program;
}
