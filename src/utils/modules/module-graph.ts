/**
 * The local modules a file imports, read from disk on demand: `./config.js`, `../config/aws`, a folder's `index`,
 * a `.ts` file imported as `.js`. Each is parsed with the parser and language options of the file being linted (no
 * type information: a project service would cost seconds), so the flow and credential models can ask the same
 * questions there.
 *
 * Reads are cached for the whole process, keyed by path and checked against the file's modification time and size,
 * so an editor that re-lints one file reads again only what changed on disk. Bounded: files larger than
 * `MAX_MODULE_BYTES`, at most `MAX_MODULES_PER_FILE` reads while linting one file, and `MAX_CACHED_MODULES` kept.
 * A module that cannot be found, read or parsed is `undefined`: what it holds stays unknown.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { visitorKeys as typescriptKeys } from '@typescript-eslint/visitor-keys';
import { SourceCode as ESLintSourceCode } from 'eslint';
import { analyze } from 'eslint-scope';

type SourceCode = Readonly<TSESLint.SourceCode>;
type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A module read from disk. */
export interface LoadedModule {
  /** Its absolute path. */
  readonly path: string;
  readonly sourceCode: SourceCode;
  /** Reads the modules it imports, within the same bounds as the file that reached it. */
  readonly loader: ModuleLoader;
}

/** Reads the modules one file imports. */
export interface ModuleLoader {
  /** The module a relative `specifier` names, if it can be found, read and parsed. Package imports are not read. */
  load(specifier: string): LoadedModule | undefined;
  /** The directory of the lint run, which messages name paths from. */
  readonly cwd: string;
}

/** The setting that turns module following off: `settings: { 'aws-credentials': { followModules: false } }`. */
export const FOLLOW_MODULES_SETTING = 'followModules';

/** Parser options that ask for a TypeScript program. */
const TYPE_INFORMATION_OPTIONS = ['project', 'projectService', 'programs'];
/** The `ecmaVersion` eslint-scope gets for `'latest'`. */
const LATEST_ECMA_VERSION = 2026;
const MAX_MODULE_BYTES = 512 * 1024;
const MAX_MODULES_PER_FILE = 32;
const MAX_CACHED_MODULES = 2000;

/** What a specifier without an extension may name, in TypeScript's order of preference. */
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** `import './x.js'` in TypeScript names `./x.ts` (and so on): the compiled name of a source file. */
const SOURCE_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

interface Parser {
  parse?: (text: string, options: unknown) => unknown;
  parseForESLint?: (text: string, options: unknown) => {
    ast: unknown;
    scopeManager?: unknown;
    visitorKeys?: unknown;
    services?: unknown;
  };
}

/** How modules are parsed: the linted file's parser and language options. */
interface ParseSettings {
  parser: Parser;
  ecmaVersion: unknown;
  sourceType: string;
  parserOptions: Record<string, unknown>;
}

interface CacheEntry {
  mtimeMs: number;
  size: number;
  parser: Parser;
  module: LoadedModule | undefined;
}

/** Shared by the loaders of one linted file and the modules it reaches. */
interface Budget {
  reads: number;
  cwd: string;
}

const cache = new Map<string, CacheEntry>();
const modulesByProgram = new WeakMap<TSESTree.Program, LoadedModule>();

/**
 * The loader for the file `context` lints, or `undefined` when there is nothing to follow from: text with no path
 * (`<input>`), a parser that ESLint does not call (a non-JS language), or `followModules: false` in the settings.
 */
export function getModuleLoader(context: RuleContext): ModuleLoader | undefined {
  const settings = context.settings['aws-credentials'] as Record<string, unknown> | undefined;
  const { filename, languageOptions } = context;
  const parser = languageOptions.parser as Parser | undefined;
  if (settings?.[FOLLOW_MODULES_SETTING] === false || !isAbsolute(filename) || !parser) {
    return undefined;
  }
  const parse: ParseSettings = {
    parser,
    ecmaVersion: languageOptions.ecmaVersion ?? 'latest',
    sourceType: languageOptions.sourceType ?? 'module',
    parserOptions: withoutTypeInformation(languageOptions.parserOptions ?? {}),
  };
  return createLoader(filename, parse, { reads: 0, cwd: context.cwd });
}

/** The module a program was read from, when it is not the linted file. */
export function getLoadedModule(program: TSESTree.Program): LoadedModule | undefined {
  return modulesByProgram.get(program);
}

/** Where `node` of a loaded module is, for messages: `config/aws.js:3`, relative to the lint run's directory. */
export function describeModuleLocation(module: LoadedModule, node: TSESTree.Node): string {
  const path = relative(module.loader.cwd, module.path) || module.path;
  return `${path.split('\\').join('/')}:${node.loc.start.line}`;
}

function createLoader(from: string, parse: ParseSettings, budget: Budget): ModuleLoader {
  return {
    cwd: budget.cwd,
    load(specifier) {
      if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
      const path = findModuleFile(resolve(dirname(from), specifier));
      return path === undefined ? undefined : readModule(path, parse, budget);
    },
  };
}

function findModuleFile(base: string): string | undefined {
  const extension = extname(base);
  const candidates = [
    ...(EXTENSIONS.includes(extension) ? [base, ...(SOURCE_EXTENSIONS[extension] ?? []).map((swap) => base.slice(0, -extension.length) + swap)] : []),
    ...EXTENSIONS.map((added) => base + added),
    ...EXTENSIONS.map((added) => join(base, `index${added}`)),
  ];
  return candidates.find(isFile);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readModule(path: string, parse: ParseSettings, budget: Budget): LoadedModule | undefined {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return undefined;
  }
  const cached = cache.get(path);
  if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size && cached.parser === parse.parser) {
    return cached.module;
  }
  if (stats.size > MAX_MODULE_BYTES || ++budget.reads > MAX_MODULES_PER_FILE) {
    return undefined;
  }
  const module = parseModule(path, parse, budget);
  cache.delete(path);
  cache.set(path, { mtimeMs: stats.mtimeMs, size: stats.size, parser: parse.parser, module });
  if (cache.size > MAX_CACHED_MODULES) {
    // Maps keep insertion order: the first key is the one read longest ago.
    cache.delete(cache.keys().next().value as string);
  }
  return module;
}

function parseModule(path: string, parse: ParseSettings, budget: Budget): LoadedModule | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    const sourceType = getSourceType(path, parse.sourceType);
    const options = {
      ...parse.parserOptions,
      ecmaVersion: parse.ecmaVersion,
      sourceType,
      filePath: path,
      range: true,
      loc: true,
      tokens: true,
      comment: true,
    };
    const parsed = parse.parser.parseForESLint
      ? parse.parser.parseForESLint(text, options)
      : { ast: parse.parser.parse?.(text, options) };
    const ast = parsed.ast as TSESTree.Program | undefined;
    if (!ast || ast.type !== 'Program') return undefined;
    const keys = (parsed.visitorKeys ?? typescriptKeys) as Readonly<Record<string, readonly string[] | undefined>>;
    setParents(ast, keys);
    // espree returns no scope manager: ESLint analyses its tree with eslint-scope, and so do we.
    const scopeManager =
      parsed.scopeManager ??
      analyze(ast as never, {
        ecmaVersion: typeof parse.ecmaVersion === 'number' ? parse.ecmaVersion : LATEST_ECMA_VERSION,
        sourceType: sourceType === 'commonjs' ? 'commonjs' : 'module',
        childVisitorKeys: keys as never,
        fallback: 'iteration',
      } as never);
    const sourceCode = new ESLintSourceCode({
      text,
      ast: ast as never,
      scopeManager: scopeManager as never,
      visitorKeys: keys as never,
      parserServices: (parsed.services ?? {}) as never,
    }) as unknown as SourceCode;
    const module: LoadedModule = { path, sourceCode, loader: createLoader(path, parse, budget) };
    modulesByProgram.set(ast, module);
    return module;
  } catch {
    // A module that does not parse is unknown, never an error in the file that imports it.
    return undefined;
  }
}

/** `.cjs` is CommonJS and `.mjs` a module whatever the linted file is; other files are read like it. */
function getSourceType(path: string, fallback: string): string {
  const extension = extname(path);
  if (extension === '.cjs' || extension === '.cts') return 'commonjs';
  if (extension === '.mjs' || extension === '.mts') return 'module';
  return fallback;
}

/** The parser options without type information: a module is read for its syntax only. */
function withoutTypeInformation(options: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const rest = { ...options };
  for (const key of TYPE_INFORMATION_OPTIONS) delete rest[key];
  return rest;
}

/** ESLint sets `parent` as it traverses a file; a module read here is never traversed by ESLint. */
function setParents(root: TSESTree.Node, keys: Readonly<Record<string, readonly string[] | undefined>>): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (isNode(item)) {
          (item as { parent?: TSESTree.Node }).parent = node;
          stack.push(item);
        }
      }
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
