/**
 * The per-file flow model: what an expression may hold, as the file shows it, and where a value goes.
 *
 * It is flow-insensitive on purpose: a binding holds every value any write in the file gives it, in any branch or
 * function; a `this.k` holds every value the class writes to it. What the file does not define (a parameter from
 * outside, an import, a global, a call into a package) ends the trail there, and the value says so: unknown is never
 * reported by a rule. Built lazily, at most once per file, by whichever rule asks first (`getFlow`).
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  containsNode,
  getEnclosingFunction,
  getKeyName,
  getPropertyName,
  getReturnedExpressions,
  isFunction,
  isMemberNamed,
  locateInPattern,
  skipTransparent,
  type FunctionNode,
} from '../ast/nodes.js';
import { DEFAULT_EXPORT, findModuleExports, hasCommonJsExports, type ModuleExport } from '../ast/exports.js';
import { collectNodes } from '../ast/walk.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Variable = TSESLint.Scope.Variable;

/** One value an expression may hold. */
export interface FlowValue {
  /**
   * Where the trail ends: an object literal, a function, a class, a literal, a `new` or a call the file cannot
   * follow, or an identifier the file does not define (a parameter, an import, a global).
   */
  readonly node: TSESTree.Node;
  /**
   * Keys read from `node`'s value that the file cannot follow further. E.g. `resp.Credentials.AccessKeyId` with
   * `const resp = await sts.send(cmd)` ends at the `send` call with `['Credentials', 'AccessKeyId']`.
   */
  readonly path: readonly string[];
  /** The value is what `node` resolves to: it was awaited, or delivered to a `.then()` or `(err, data)` callback. */
  readonly awaited: boolean;
  /** The expressions the value passed through on its way, outermost first: writes, returns, arguments. */
  readonly via: readonly TSESTree.Node[];
  /** The call the value was reached through, so that what `node` reads (parameters) resolves as at that call. */
  readonly context?: FlowContext;
}

/** Opaque: the calls a value was reached through. */
export interface FlowContext {
  readonly fn: FunctionNode;
}

/** What an object holds for one key: the values (with the properties that write them), none, or unknown. */
export type PropertyLookup =
  | { readonly kind: 'found'; readonly values: readonly FlowValue[]; readonly properties: readonly TSESTree.Property[] }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown' };

/** Where a value goes next: read by an expression, passed as an argument, returned, or stored. */
export interface FlowUse {
  /** The expression that holds the value at that place (an identifier read, `this.k`, `map.get(k)`, a call). */
  readonly node: TSESTree.Node;
}

/** The questions one file answers, memoised. */
export interface Flow {
  /**
   * Every value `node` may hold. Never empty: a trail the file cannot follow ends in an unknown value. With
   * `within`, `node` is read as in the call that `within` was reached through (E.g. a member of a returned object).
   */
  valuesOf(node: TSESTree.Node, within?: FlowValue): readonly FlowValue[];
  /** What `value` holds for `key`. */
  lookup(value: FlowValue, key: string): PropertyLookup;
  /** The expressions that read what `node` produced: through bindings, fields, returns and `await`. */
  usesOf(node: TSESTree.Node): readonly FlowUse[];
  /** The variable `identifier` refers to, from its own scope. */
  variableOf(identifier: TSESTree.Identifier): Variable | null;
  /** The reads of the binding or field `holder` names: `cache` → every read of `cache`; `this.cache` → every `this.cache` of the class. */
  readsOf(holder: TSESTree.Node): readonly TSESTree.Node[];
  /** The function a call runs, when the file defines it (a local function, `this.m()`, `obj.m()` of a local). */
  calleesOf(call: TSESTree.CallExpression | TSESTree.NewExpression): readonly FunctionNode[];
  /** The call sites of a function the file defines: where its parameters come from, and where its result goes. */
  callsOf(fn: FunctionNode): readonly TSESTree.CallExpression[];
  /**
   * Every value `fn` may return, from all its returns, called with arguments the file does not show: through
   * `this.m()`, a local instance's `obj.m()`, local helpers, `.then(cb)` and `await` (an async function: what its
   * promise resolves to). Never empty: a function with no `return` ends in an unknown value.
   */
  returnsOf(fn: FunctionNode): readonly FlowValue[];
  /**
   * Marks the nodes where a trail must end because a layer above knows what they are (the SDK pass: `AWS.config`,
   * `new STSClient()`), so that `AWS.config.credentials.accessKeyId` ends at `AWS.config` with its path.
   */
  setTerminals(isTerminal: (node: TSESTree.Node) => boolean): void;
  /**
   * Lets trails continue into the local modules the file imports (set by the credential model, which knows how to
   * read them). Without it, an import ends the trail.
   */
  setModules(link: ModuleLink): void;
  /** The file's program. */
  readonly program: TSESTree.Program;
  /** The flow of the other module `node` belongs to, once a trail has crossed into one; `undefined` for this file's nodes. */
  ownerOf(node: TSESTree.Node): Flow | undefined;
  /**
   * Every value the module exports under `name` (`default` for a default export and for `module.exports = v`),
   * through re-exports; `undefined` when it has no such export.
   */
  exportsOf(name: string): readonly FlowValue[] | undefined;
}

/** How a flow reaches the modules its file imports. */
export interface ModuleLink {
  /** The flow of the module a relative `specifier` names, when it can be read and parsed. */
  flowOf(specifier: string): Flow | undefined;
}

/** How many steps one question may take: guards against cycles and pathological files alike. */
const MAX_FLOW_STEPS = 400;
const MAX_FLOW_DEPTH = 24;

const flows = new WeakMap<TSESTree.Program, Flow>();

/** How deep questions may nest across modules (A asks B, which asks C …): bounds cycles between modules too. */
const MAX_MODULE_CROSSINGS = 4;
let crossings = 0;

/** The flow model of the file, built on first use and shared by every rule. */
export function getFlow(sourceCode: SourceCode): Flow {
  let flow = flows.get(sourceCode.ast);
  if (!flow) {
    flow = createFlow(sourceCode);
    flows.set(sourceCode.ast, flow);
  }
  return flow;
}

/** The call arguments a function's parameters are bound to while following a call into it. */
interface Frame extends FlowContext {
  fn: FunctionNode;
  args: readonly TSESTree.CallExpressionArgument[];
  parent: Frame | undefined;
}

interface Walk {
  steps: number;
  active: Set<TSESTree.Node>;
  /** How many times the walk met a node it was already resolving: the answers around a cycle are partial. */
  cuts: number;
  /** The object literals whose key is being looked up: `o = { ...o, k }` must not look into itself forever. */
  lookups: Set<TSESTree.Node>;
}

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

const newWalk = (): Walk => ({ steps: 0, active: new Set(), cuts: 0, lookups: new Set() });

function createFlow(sourceCode: SourceCode): Flow {
  const variables = new Map<TSESTree.Identifier, Variable | null>();
  const memo = new Map<TSESTree.Node, readonly FlowValue[]>();
  const fieldWrites = new Map<ClassNode, Map<string, TSESTree.Node[]>>();
  const callSites = new Map<FunctionNode, TSESTree.CallExpression[]>();
  let callsByName: Map<string, TSESTree.CallExpression[]> | undefined;
  let isTerminal: (node: TSESTree.Node) => boolean = () => false;
  let link: ModuleLink | undefined;
  /** Whether a trail has reached another module: only then can a node belong to another file. */
  let crossed = false;

  const variableOf = (identifier: TSESTree.Identifier): Variable | null => {
    let variable = variables.get(identifier);
    if (variable === undefined) {
      variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      variables.set(identifier, variable);
    }
    return variable;
  };

  const unknown = (node: TSESTree.Node, path: readonly string[] = [], via: readonly TSESTree.Node[] = []): FlowValue => ({
    node,
    path,
    awaited: false,
    via,
  });

  function valuesOf(node: TSESTree.Node, within?: FlowValue): readonly FlowValue[] {
    const frame = within?.context as Frame | undefined;
    const values = resolve(node, frame && containsNode(frame.fn, node) ? frame : undefined, newWalk(), 0);
    return values.length > 0 ? values : [unknown(skipTransparent(node))];
  }

  function resolve(node: TSESTree.Node, frame: Frame | undefined, walk: Walk, depth: number): readonly FlowValue[] {
    const current = skipTransparent(node);
    const owner = ownerOf(current);
    if (owner) {
      return across(() => owner.valuesOf(current), () => [unknown(current)]);
    }
    if (!frame) {
      const cached = memo.get(current);
      if (cached) return cached;
    }
    if (walk.active.has(current)) {
      // A cycle (`x = x || {...}`): the other writes give the values.
      walk.cuts++;
      return [];
    }
    if (++walk.steps > MAX_FLOW_STEPS || depth > MAX_FLOW_DEPTH) {
      return [unknown(current)];
    }
    walk.active.add(current);
    const cuts = walk.cuts;
    const found = isTerminal(current) ? [unknown(current)] : dedupe(resolveNode(current, frame, walk, depth + 1));
    // A value that ends here, inside a call being followed, keeps that call: its members read its parameters.
    const values = frame ? found.map((value) => (value.node === current && !value.context ? { ...value, context: frame } : value)) : found;
    walk.active.delete(current);
    // Only answers that did not run out of steps or meet a cycle are kept: a later question may see more.
    if (!frame && walk.steps <= MAX_FLOW_STEPS && walk.cuts === cuts) memo.set(current, values);
    return values;
  }

  function resolveNode(node: TSESTree.Node, frame: Frame | undefined, walk: Walk, depth: number): FlowValue[] {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return resolveIdentifier(node, frame, walk, depth);
      case AST_NODE_TYPES.MemberExpression:
        return resolveMember(node, frame, walk, depth);
      case AST_NODE_TYPES.AwaitExpression:
        return resolve(node.argument, frame, walk, depth).map(awaitValue);
      case AST_NODE_TYPES.CallExpression:
        return resolveCall(node, frame, walk, depth);
      case AST_NODE_TYPES.ConditionalExpression:
        return [...resolve(node.consequent, frame, walk, depth), ...resolve(node.alternate, frame, walk, depth)];
      case AST_NODE_TYPES.LogicalExpression:
        // `a && b` is `b` whenever it is a value anyone uses; `a || b` and `a ?? b` may be either.
        return node.operator === '&&'
          ? [...resolve(node.right, frame, walk, depth)]
          : [...resolve(node.left, frame, walk, depth), ...resolve(node.right, frame, walk, depth)];
      case AST_NODE_TYPES.SequenceExpression:
        return [...resolve(node.expressions.at(-1) ?? node, frame, walk, depth)];
      case AST_NODE_TYPES.AssignmentExpression:
        return node.operator === '=' ? [...resolve(node.right, frame, walk, depth)] : [unknown(node)];
      case AST_NODE_TYPES.ImportExpression:
        // `await import('./config.js')`: the module's namespace, once awaited.
        return node.source.type === AST_NODE_TYPES.Literal && typeof node.source.value === 'string'
          ? importedValues(node.source.value, '*', node).map((value) => ({ ...value, awaited: false }))
          : [unknown(node)];
      default:
        return [unknown(node)];
    }
  }

  function resolveIdentifier(
    identifier: TSESTree.Identifier,
    frame: Frame | undefined,
    walk: Walk,
    depth: number,
  ): FlowValue[] {
    const variable = variableOf(identifier);
    const [def] = variable?.defs ?? [];
    if (!variable || !def) {
      return [unknown(identifier)];
    }
    switch (def.type) {
      case 'FunctionName':
      case 'ClassName':
        return [unknown(def.node)];
      case 'Parameter':
        return resolveParameter(identifier, def.node, def.name as TSESTree.Identifier, frame, walk, depth);
      case 'Variable':
        return resolveWrites(variable, identifier, frame, walk, depth);
      case 'ImportBinding':
        return resolveImportBinding(def.node, identifier);
      default:
        return [unknown(identifier)];
    }
  }

  /** `import { k } from './m'`, `import d from './m'`, `import * as ns from './m'`, TS `import x = require('./m')`. */
  function resolveImportBinding(declaration: TSESTree.Node, identifier: TSESTree.Identifier): FlowValue[] {
    if (declaration.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const reference = declaration.moduleReference;
      return reference.type === AST_NODE_TYPES.TSExternalModuleReference && typeof reference.expression.value === 'string'
        ? importedValues(reference.expression.value, 'module.exports', identifier)
        : [unknown(identifier)];
    }
    const importDeclaration = declaration.parent;
    if (importDeclaration?.type !== AST_NODE_TYPES.ImportDeclaration || importDeclaration.importKind === 'type') {
      return [unknown(identifier)];
    }
    const name =
      declaration.type === AST_NODE_TYPES.ImportSpecifier
        ? declaration.imported.type === AST_NODE_TYPES.Identifier ? declaration.imported.name : declaration.imported.value
        : declaration.type === AST_NODE_TYPES.ImportNamespaceSpecifier ? '*' : DEFAULT_EXPORT;
    return importedValues(importDeclaration.source.value, name, identifier);
  }

  /**
   * What `name` of the module `specifier` holds: `*` its namespace (the module's program, whose keys are its exports),
   * `module.exports` what `require()` returns (the value of `module.exports = v`, else the namespace).
   */
  function importedValues(specifier: string, name: string, at: TSESTree.Node): FlowValue[] {
    const module = link?.flowOf(specifier);
    if (!module) {
      return [unknown(at)];
    }
    crossed = true;
    const namespace: FlowValue = { node: module.program, path: [], awaited: false, via: [] };
    if (name === '*') return [namespace];
    const exported = across(() => module.exportsOf(name === 'module.exports' ? DEFAULT_EXPORT : name), () => undefined);
    if (name === 'module.exports') return exported && hasCommonJsExports(getExports(module.program)) ? [...exported] : [namespace];
    return exported ? [...exported] : [unknown(at)];
  }

  /** Every value a `const`/`let`/`var` is given: its initializer and every later write, in any function. */
  function resolveWrites(
    variable: Variable,
    read: TSESTree.Identifier,
    frame: Frame | undefined,
    walk: Walk,
    depth: number,
  ): FlowValue[] {
    const values: FlowValue[] = [];
    const writes = variable.references.filter((reference) => reference.isWrite());
    for (const reference of writes) {
      const target = reference.identifier as TSESTree.Identifier;
      if (isOverwritten(target, read, writes)) continue;
      const write = findWrite(target);
      if (!write) {
        // E.g. `for (const x of list)`, `x++`: a value the file does not spell out.
        values.push(unknown(target));
        continue;
      }
      const frameHere = frame && containsNode(frame.fn, target) ? frame : undefined;
      for (const value of resolve(write.value, frameHere, walk, depth)) {
        values.push(...readPath(withVia(value, write.via), write.path, frameHere, walk, depth));
      }
      if (write.defaultValue) values.push(...resolve(write.defaultValue, frameHere, walk, depth));
    }
    // Writes that all lead back into a cycle add nothing: the other writes of the cycle give the values.
    if (values.length === 0 && writes.length > 0) return values;
    return values.length > 0 ? values : [unknown(variable.identifiers[0] ?? variable.defs[0]!.name)];
  }

  function resolveParameter(
    identifier: TSESTree.Identifier,
    fn: TSESTree.Node,
    name: TSESTree.Identifier,
    frame: Frame | undefined,
    walk: Walk,
    depth: number,
  ): FlowValue[] {
    if (!isFunction(fn)) {
      return [unknown(identifier)];
    }
    const index = fn.params.findIndex((param) => containsNode(param, name));
    const param = fn.params[index];
    const located = param && locateInPattern(param, name);
    if (!param || !located) {
      return [unknown(identifier)];
    }
    // Entered through a call in this walk: the argument at that call.
    for (let bound = frame; bound; bound = bound.parent) {
      if (bound.fn !== fn) continue;
      const argument = bound.args[index];
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) {
        if (located.defaultValue) return [...resolve(located.defaultValue, frame, walk, depth)];
        // E.g. `p.then((r) => r.Credentials)` followed as a call with no arguments: `r` is what `p` resolves to.
        break;
      }
      return resolve(argument, bound.parent, walk, depth).flatMap((value) =>
        readPath(withVia(value, [argument]), located.path, bound.parent, walk, depth),
      );
    }
    // `p.then((result) => …)`: what `p` resolves to.
    const delivered = getDeliveringCall(fn, index);
    if (delivered) {
      const values = delivered.kind === 'then' ? resolve(delivered.receiver, frame, walk, depth).map(awaitValue) : [
        { node: delivered.call, path: [], awaited: true, via: [] },
      ];
      return values.flatMap((value) => readPath(value, located.path, frame, walk, depth));
    }
    // A function the file only calls, by name, and never hands out: the parameter holds what its calls pass.
    const passed = getPassedArguments(fn, index, walk, depth);
    if (passed) {
      return passed.flatMap((value) => readPath(value, located.path, undefined, walk, depth));
    }
    return [unknown(identifier, located.path)];
  }

  /**
   * What every call of `fn` passes at `index`, when the file shows all its calls: `fn` is a local function
   * declaration or `const` that is not exported and whose every reference is the callee of a call with that
   * argument (no spread). `undefined` otherwise: a caller the file does not show may pass anything.
   */
  function getPassedArguments(fn: FunctionNode, index: number, walk: Walk, depth: number): FlowValue[] | undefined {
    const parent = fn.parent;
    const isDeclared = fn.type === AST_NODE_TYPES.FunctionDeclaration;
    const id = isDeclared
      ? fn.id
      : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier
        ? parent.id
        : null;
    if (!id || isExported(isDeclared ? fn : parent?.parent)) {
      return undefined;
    }
    const reads = (variableOf(id)?.references ?? []).filter((reference) => reference.isRead());
    const values: FlowValue[] = [];
    for (const { identifier } of reads) {
      const call = identifier.parent;
      const argument = call?.type === AST_NODE_TYPES.CallExpression && call.callee === identifier ? call.arguments[index] : undefined;
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
      values.push(...resolve(argument, undefined, walk, depth).map((value) => withVia(value, [argument])));
    }
    return values.length > 0 ? values : undefined;
  }

  function resolveMember(
    member: TSESTree.MemberExpression,
    frame: Frame | undefined,
    walk: Walk,
    depth: number,
  ): FlowValue[] {
    const key = getMemberKey(member);
    if (key === undefined) {
      return [unknown(member)];
    }
    const object = skipTransparent(member.object);
    if (object.type === AST_NODE_TYPES.ThisExpression) {
      return resolveField(member, key, frame, walk, depth);
    }
    const values: FlowValue[] = [];
    for (const value of resolve(object, frame, walk, depth)) {
      values.push(...readPath(value, [key], frame, walk, depth));
    }
    // Later `obj.k = v` writes to the same binding.
    if (object.type === AST_NODE_TYPES.Identifier) {
      for (const write of getMemberWrites(object, key)) values.push(...resolve(write, frame, walk, depth));
    }
    return values;
  }

  /** `this.k` inside a class: every value the class writes to it (fields, constructor, any method). */
  function resolveField(
    member: TSESTree.MemberExpression,
    key: string,
    frame: Frame | undefined,
    walk: Walk,
    depth: number,
  ): FlowValue[] {
    const owner = getThisClass(member);
    const writes = owner ? getFieldWrites(owner).get(key) : undefined;
    if (!writes || writes.length === 0) {
      return [unknown(member)];
    }
    return writes.flatMap((write) => resolve(write, frame && containsNode(frame.fn, write) ? frame : undefined, walk, depth).map((value) => withVia(value, [write])));
  }

  /** Reads `path` from `value`: through object literals, `Object.assign` results and class instances. */
  function readPath(
    value: FlowValue,
    path: readonly string[],
    frame: Frame | undefined,
    walk: Walk,
    depth: number,
  ): FlowValue[] {
    if (path.length === 0) {
      return [value];
    }
    if (value.path.length > 0) {
      return [{ ...value, path: [...value.path, ...path] }];
    }
    const [key, ...rest] = path as [string, ...string[]];
    const found = lookupIn(value, key, frame, walk, depth);
    if (found.kind === 'found') {
      return found.values.flatMap((inner) => readPath(withVia(inner, value.via), rest, frame, walk, depth));
    }
    if (found.kind === 'absent') {
      return [];
    }
    return [{ ...value, path: [...path] }];
  }

  function lookupIn(
    value: FlowValue,
    key: string,
    frame: Frame | undefined,
    walk: Walk,
    depth: number,
  ): PropertyLookup {
    const node = skipTransparent(value.node);
    if (value.path.length > 0) {
      return { kind: 'unknown' };
    }
    const owner = ownerOf(node);
    if (owner) {
      return across(() => owner.lookup(value, key), () => ({ kind: 'unknown' }));
    }
    if (node.type === AST_NODE_TYPES.Program) {
      // A module's namespace (`import * as ns`, a `require` of an ES module): its exports.
      const exported = exportsOf(key);
      return exported ? { kind: 'found', values: exported, properties: [] } : { kind: 'unknown' };
    }
    if (value.context) {
      frame = value.context as Frame;
    } else if (frame && !containsNode(frame.fn, node)) {
      frame = undefined;
    }
    if (node.type === AST_NODE_TYPES.ObjectExpression) {
      return lookupInObject(node, key, frame, walk, depth);
    }
    if (node.type === AST_NODE_TYPES.CallExpression && isObjectAssign(node)) {
      // `Object.assign(target, ...sources)`: the last source that has the key wins.
      const parts: TSESTree.Node[] = [...node.arguments].reverse();
      return lookupInParts(parts, key, frame, walk, depth);
    }
    const instance = node.type === AST_NODE_TYPES.NewExpression ? getLocalClass(node) : undefined;
    if (instance) {
      const method = findMethod(instance, key);
      if (method) return { kind: 'found', values: [unknown(method)], properties: [] };
      const writes = getFieldWrites(instance).get(key);
      if (writes?.length) {
        return {
          kind: 'found',
          values: writes.flatMap((write) => resolve(write, undefined, walk, depth)),
          properties: [],
        };
      }
    }
    return { kind: 'unknown' };
  }

  function lookupInObject(
    object: TSESTree.ObjectExpression,
    key: string,
    frame: Frame | undefined,
    walk: Walk,
    depth: number,
  ): PropertyLookup {
    if (walk.lookups.has(object)) {
      // E.g. `options = { ...options, region }`: the other writes of `options` give its earlier keys.
      walk.cuts++;
      return { kind: 'absent' };
    }
    if (++walk.steps > MAX_FLOW_STEPS || depth > MAX_FLOW_DEPTH) {
      return { kind: 'unknown' };
    }
    walk.lookups.add(object);
    const found = lookupInOwnParts(object, key, frame, walk, depth + 1);
    walk.lookups.delete(object);
    return found;
  }

  function lookupInOwnParts(
    object: TSESTree.ObjectExpression,
    key: string,
    frame: Frame | undefined,
    walk: Walk,
    depth: number,
  ): PropertyLookup {
    const parts: TSESTree.Node[] = [];
    for (let index = object.properties.length - 1; index >= 0; index--) {
      const member = object.properties[index];
      if (member) parts.push(member);
    }
    const found = lookupInParts(parts, key, frame, walk, depth);
    // Later `obj.k = v` writes to the binding that holds this literal.
    const binding = getBindingIdentifier(object);
    const writes = binding ? getMemberWrites(binding, key) : [];
    if (writes.length === 0) {
      return found;
    }
    const written = writes.flatMap((write) => resolve(write, undefined, walk, depth));
    return found.kind === 'found'
      ? { kind: 'found', values: [...found.values, ...written], properties: found.properties }
      : { kind: 'found', values: written, properties: [] };
  }

  /** Searches object members or `Object.assign` sources, last first. */
  function lookupInParts(
    parts: readonly TSESTree.Node[],
    key: string,
    frame: Frame | undefined,
    walk: Walk,
    depth: number,
  ): PropertyLookup {
    for (const part of parts) {
      if (part.type === AST_NODE_TYPES.Property) {
        const name = getPropertyName(part);
        if (name === key) {
          return { kind: 'found', values: [...resolveProperty(part, frame, walk, depth)], properties: [part] };
        }
        if (name === undefined) return { kind: 'unknown' };
        continue;
      }
      const spread = part.type === AST_NODE_TYPES.SpreadElement ? part.argument : part;
      const results = resolve(spread, frame, walk, depth).map((inner) => lookupIn(inner, key, frame, walk, depth));
      const found = results.filter((result) => result.kind === 'found');
      if (found.length > 0) {
        return {
          kind: 'found',
          values: found.flatMap((result) => result.values),
          properties: found.flatMap((result) => result.properties),
        };
      }
      if (results.some((result) => result.kind === 'unknown')) {
        return { kind: 'unknown' };
      }
    }
    return { kind: 'absent' };
  }

  function resolveProperty(
    property: TSESTree.Property,
    frame: Frame | undefined,
    walk: Walk,
    depth: number,
  ): readonly FlowValue[] {
    const value = property.value;
    if (value.type === AST_NODE_TYPES.AssignmentPattern || !isExpressionLike(value)) {
      return [unknown(value)];
    }
    return resolve(value, frame, walk, depth);
  }

  function resolveCall(call: TSESTree.CallExpression, frame: Frame | undefined, walk: Walk, depth: number): FlowValue[] {
    const callee = skipTransparent(call.callee);
    const [first] = call.arguments;
    // `Promise.resolve(x)` holds `x`.
    if (isStaticCall(callee, 'Promise', 'resolve') && first && first.type !== AST_NODE_TYPES.SpreadElement) {
      return [...resolve(first, frame, walk, depth)];
    }
    // `p.then(cb)` holds what `cb` returns.
    if (isMemberNamed(callee, 'then') && first && first.type !== AST_NODE_TYPES.SpreadElement) {
      const callbacks = resolve(first, frame, walk, depth).map((value) => value.node).filter(isFunction);
      if (callbacks.length > 0) {
        return callbacks.flatMap((fn) => returnsOf(fn, [], frame, walk, depth));
      }
    }
    // `require('./config')`: what the module assigns to `module.exports`.
    const required = link && getRequiredSpecifier(call);
    if (required !== undefined && !variableOf(call.callee as TSESTree.Identifier)?.defs.length) {
      return importedValues(required, 'module.exports', call);
    }
    // `map.get(k)` holds what any `map.set(_, v)` stored.
    if (isMemberNamed(callee, 'get')) {
      const stored = getMapValues(callee.object, walk, depth);
      if (stored) return stored;
    }
    const callees = getCallees(call, frame, walk, depth);
    if (callees.length === 0) {
      return [unknown(call)];
    }
    return callees.flatMap((fn) => returnsOf(fn, call.arguments, frame, walk, depth).map((value) => withVia(value, [call])));
  }

  /** The values a function returns when called with `args` (async functions: what their promise resolves to). */
  function returnsOf(
    fn: FunctionNode,
    args: readonly TSESTree.CallExpressionArgument[],
    frame: Frame | undefined,
    walk: Walk,
    depth: number,
  ): FlowValue[] {
    const inner: Frame = { fn, args, parent: frame };
    const returned = getReturnedExpressions(fn);
    if (returned.length === 0) {
      return [unknown(fn)];
    }
    return returned.flatMap((expression) =>
      resolve(expression, inner, walk, depth).map((value) =>
        withVia(fn.async && value.path.length === 0 ? { ...value, awaited: value.awaited || isCallLike(value.node) } : value, [expression]),
      ),
    );
  }

  function getCallees(
    call: TSESTree.CallExpression | TSESTree.NewExpression,
    frame: Frame | undefined,
    walk: Walk,
    depth: number,
  ): FunctionNode[] {
    const callee = skipTransparent(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const key = getMemberKey(callee);
      const object = skipTransparent(callee.object);
      if (key === undefined) return [];
      if (object.type === AST_NODE_TYPES.ThisExpression) {
        const owner = getThisClass(callee);
        const method = owner && findMethod(owner, key);
        if (method) return [method];
      }
    }
    return resolve(callee, frame, walk, depth)
      .map((value) => (value.path.length === 0 ? skipTransparent(value.node) : undefined))
      .filter(isFunction);
  }

  function getMapValues(holder: TSESTree.Node, walk: Walk, depth: number): FlowValue[] | undefined {
    const target = skipTransparent(holder);
    const isMap = resolve(target, undefined, walk, depth).some((value) => isNewMap(value.node));
    if (!isMap) {
      return undefined;
    }
    const stored: FlowValue[] = [];
    for (const call of getSetCalls(target)) {
      const value = call.arguments[1];
      if (value && value.type !== AST_NODE_TYPES.SpreadElement) {
        stored.push(...resolve(value, undefined, walk, depth).map((inner) => withVia(inner, [call])));
      }
    }
    return stored.length > 0 ? stored : [unknown(holder)];
  }

  /** The `X.set(k, v)` calls on the same map: the same binding, or the same `this.k` of the class. */
  function getSetCalls(holder: TSESTree.Node): TSESTree.CallExpression[] {
    const calls: TSESTree.CallExpression[] = [];
    for (const use of getSameHolderReads(holder)) {
      const member = use.parent;
      const call = member?.parent;
      if (
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === use &&
        isMemberNamed(member, 'set') &&
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.callee === member
      ) {
        calls.push(call);
      }
    }
    return calls;
  }

  /** The reads of the binding or field that `holder` names: `cache` → every `cache`; `this.cache` → every `this.cache`. */
  function getSameHolderReads(holder: TSESTree.Node): TSESTree.Node[] {
    if (holder.type === AST_NODE_TYPES.Identifier) {
      const variable = variableOf(holder);
      return (variable?.references ?? []).filter((reference) => reference.isRead()).map((reference) => reference.identifier as TSESTree.Node);
    }
    if (holder.type === AST_NODE_TYPES.MemberExpression && skipTransparent(holder.object).type === AST_NODE_TYPES.ThisExpression) {
      const key = getMemberKey(holder);
      const owner = getThisClass(holder);
      if (key === undefined || !owner) return [];
      return collectNodes(owner.body, (node) =>
        node.type === AST_NODE_TYPES.MemberExpression &&
        skipTransparent(node.object).type === AST_NODE_TYPES.ThisExpression &&
        getMemberKey(node) === key &&
        getThisClass(node) === owner,
      );
    }
    return [];
  }

  /** `obj.key = value` writes through any reference of the binding `identifier` names. */
  function getMemberWrites(identifier: TSESTree.Identifier, key: string): TSESTree.Expression[] {
    const variable = variableOf(identifier);
    const writes: TSESTree.Expression[] = [];
    for (const reference of variable?.references ?? []) {
      const member = reference.identifier.parent;
      const assignment = member?.parent;
      if (
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === reference.identifier &&
        getPropertyName(member) === key &&
        assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
        assignment.left === member &&
        assignment.operator === '='
      ) {
        writes.push(assignment.right);
      }
    }
    return writes;
  }

  /** The identifier a literal is bound to: `const o = {…}` → `o`. */
  function getBindingIdentifier(object: TSESTree.ObjectExpression): TSESTree.Identifier | undefined {
    const parent = object.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === object && parent.id.type === AST_NODE_TYPES.Identifier) {
      return parent.id;
    }
    return undefined;
  }

  /** The writes of every `this.k` in a class: field initializers and `this.k = v` in any method (arrows included). */
  function getFieldWrites(owner: ClassNode): Map<string, TSESTree.Node[]> {
    let writes = fieldWrites.get(owner);
    if (writes) return writes;
    writes = new Map();
    const add = (key: string | undefined, value: TSESTree.Node | null | undefined): void => {
      if (key === undefined || !value) return;
      const list = writes!.get(key) ?? [];
      list.push(value);
      writes!.set(key, list);
    };
    for (const member of owner.body.body) {
      if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static) {
        add(getClassKey(member.key, member.computed), member.value);
      }
    }
    const assignments = collectNodes(owner.body, (node) =>
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.operator === '=' &&
      node.left.type === AST_NODE_TYPES.MemberExpression &&
      node.left.object.type === AST_NODE_TYPES.ThisExpression,
    ) as TSESTree.AssignmentExpression[];
    for (const assignment of assignments) {
      const left = assignment.left as TSESTree.MemberExpression;
      if (getThisClass(left) === owner) add(getMemberKey(left), assignment.right);
    }
    fieldWrites.set(owner, writes);
    return writes;
  }

  function getLocalClass(node: TSESTree.NewExpression): ClassNode | undefined {
    const callee = skipTransparent(node.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
    const def = variableOf(callee)?.defs[0];
    if (def?.type === 'ClassName') return def.node as ClassNode;
    if (def?.type === 'Variable' && def.node.init?.type === AST_NODE_TYPES.ClassExpression) return def.node.init;
    if (def?.type === 'ImportBinding') {
      // `new Config()` of an imported class: the class in its module.
      const classes = resolve(callee, undefined, newWalk(), 0).map((value) => skipTransparent(value.node)).filter(isClass);
      return classes.length === 1 ? classes[0] : undefined;
    }
    return undefined;
  }

  function calleesOf(call: TSESTree.CallExpression | TSESTree.NewExpression): readonly FunctionNode[] {
    return getCallees(call, undefined, newWalk(), 0);
  }

  /**
   * The calls of the file by the name they call (`f(…)`, `obj.f(…)`, `this.f(…)` under `f`), built once: a function
   * is only called under a name it is bound to, so only those calls need their callee resolved.
   */
  function getCallsByName(): Map<string, TSESTree.CallExpression[]> {
    if (!callsByName) {
      callsByName = new Map();
      for (const node of collectNodes(sourceCode.ast, (node) => node.type === AST_NODE_TYPES.CallExpression)) {
        const call = node as TSESTree.CallExpression;
        const name = getCalledName(call);
        if (name === undefined) continue;
        const list = callsByName.get(name) ?? [];
        list.push(call);
        callsByName.set(name, list);
      }
    }
    return callsByName;
  }

  /** The variables a function's binding is copied into: `other` of `const other = build`. */
  function getAliasNames(fn: FunctionNode): string[] {
    const parent = fn.parent;
    const id = fn.id ?? (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id : null);
    const aliases: string[] = [];
    for (const reference of (id && variableOf(id)?.references) || []) {
      const holder = reference.identifier.parent;
      if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === reference.identifier && holder.id.type === AST_NODE_TYPES.Identifier) {
        aliases.push(holder.id.name);
      } else if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === reference.identifier && holder.left.type === AST_NODE_TYPES.Identifier) {
        aliases.push(holder.left.name);
      }
    }
    return aliases;
  }

  function callsOf(fn: FunctionNode): readonly TSESTree.CallExpression[] {
    let calls = callSites.get(fn);
    if (!calls) {
      const byName = getCallsByName();
      const candidates = [...getBoundNames(fn), ...getAliasNames(fn)].flatMap((name) => byName.get(name) ?? []);
      calls = candidates.filter((call) => calleesOf(call).includes(fn));
      callSites.set(fn, calls);
    }
    return calls;
  }

  function usesOf(node: TSESTree.Node): readonly FlowUse[] {
    const uses: FlowUse[] = [];
    const seen = new Set<TSESTree.Node>();
    const visit = (expression: TSESTree.Node, depth: number): void => {
      if (depth > MAX_FLOW_DEPTH || seen.has(expression) || seen.size > MAX_FLOW_STEPS) return;
      seen.add(expression);
      uses.push({ node: expression });
      const holder = getHolder(expression);
      const parent = holder.parent;
      if (!parent) return;
      if (parent.type === AST_NODE_TYPES.AwaitExpression) {
        visit(parent, depth + 1);
      } else if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === holder && parent.id.type === AST_NODE_TYPES.Identifier) {
        for (const read of getSameHolderReads(parent.id)) visit(read, depth + 1);
      } else if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === holder) {
        const target = skipTransparent(parent.left);
        if (target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.MemberExpression) {
          for (const read of getSameHolderReads(target)) visit(read, depth + 1);
        }
      } else if (parent.type === AST_NODE_TYPES.ReturnStatement || isArrowBody(holder)) {
        const fn = getEnclosingFunction(holder);
        if (fn) for (const call of callsOf(fn)) visit(call, depth + 1);
      }
    };
    visit(skipTransparent(node), 0);
    return uses.slice(1);
  }

  function returnsOfFunction(fn: FunctionNode): readonly FlowValue[] {
    return dedupe(returnsOf(fn, [], undefined, newWalk(), 0));
  }

  function lookup(value: FlowValue, key: string): PropertyLookup {
    return lookupIn(value, key, undefined, newWalk(), 0);
  }

  function setTerminals(test: (node: TSESTree.Node) => boolean): void {
    isTerminal = test;
    memo.clear();
  }

  const readsOf = (holder: TSESTree.Node): readonly TSESTree.Node[] => getSameHolderReads(skipTransparent(holder));

  function ownerOf(node: TSESTree.Node): Flow | undefined {
    if (!crossed) return undefined;
    const program = getProgram(node);
    return program === sourceCode.ast ? undefined : flows.get(program);
  }

  function exportsOf(name: string): readonly FlowValue[] | undefined {
    const moduleExports = getExports(sourceCode.ast);
    const values: FlowValue[] = [];
    let found = false;
    for (const entry of moduleExports) {
      if (entry.kind === 'star' || entry.name !== name) continue;
      found = true;
      values.push(...(entry.kind === 'value' ? valuesOf(entry.node) : importedValues(entry.source, entry.imported, entry.statement)));
    }
    if (found || name === DEFAULT_EXPORT) {
      return found ? dedupe(values) : undefined;
    }
    // `export * from './other'`: the first module that has the name.
    for (const entry of moduleExports) {
      if (entry.kind !== 'star') continue;
      const module = link?.flowOf(entry.source);
      if (!module) return [unknown(entry.statement)];
      crossed = true;
      const exported = across(() => module.exportsOf(name), () => [unknown(entry.statement)]);
      if (exported) return exported;
    }
    return undefined;
  }

  function setModules(modules: ModuleLink): void {
    link = modules;
    memo.clear();
  }

  return {
    valuesOf,
    lookup,
    usesOf,
    variableOf,
    readsOf,
    calleesOf,
    callsOf,
    returnsOf: returnsOfFunction,
    setTerminals,
    setModules,
    program: sourceCode.ast,
    ownerOf,
    exportsOf,
  };
}

const exportsByProgram = new WeakMap<TSESTree.Program, ModuleExport[]>();

function getExports(program: TSESTree.Program): ModuleExport[] {
  let exports = exportsByProgram.get(program);
  if (!exports) {
    exports = findModuleExports(program);
    exportsByProgram.set(program, exports);
  }
  return exports;
}

/** Asks another module's flow, within the bound on nested crossings; `fallback` beyond it. */
function across<T>(ask: () => T, fallback: () => T): T {
  if (crossings >= MAX_MODULE_CROSSINGS) return fallback();
  crossings++;
  try {
    return ask();
  } finally {
    crossings--;
  }
}

function getProgram(node: TSESTree.Node): TSESTree.Program {
  let current = node;
  while (current.parent) current = current.parent;
  return current as TSESTree.Program;
}

/** `require('./config')` with an undeclared `require`: the relative specifier, if it is one. */
function getRequiredSpecifier(call: TSESTree.CallExpression): string | undefined {
  const [first] = call.arguments;
  if (call.arguments.length !== 1 || first?.type !== AST_NODE_TYPES.Literal || typeof first.value !== 'string') return undefined;
  if (call.callee.type !== AST_NODE_TYPES.Identifier || call.callee.name !== 'require') return undefined;
  return first.value.startsWith('.') ? first.value : undefined;
}

/** `export function f`, `export const f = …`, `export default function`. */
function isExported(declaration: TSESTree.Node | undefined): boolean {
  const parent = declaration?.parent;
  return parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
}

function isClass(node: TSESTree.Node): node is ClassNode {
  return node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression;
}

/**
 * Whether `read` can only see a later write than `target`: both writes are statements of one block, and `read`
 * comes after the later one in that block. E.g. `let r = a; r = b; use(r)` reads `b` only. Branches and loops keep
 * every write: the model stays flow-insensitive where the order is not plain.
 */
function isOverwritten(
  target: TSESTree.Identifier,
  read: TSESTree.Identifier,
  writes: readonly TSESLint.Scope.Reference[],
): boolean {
  const statement = getStatement(target);
  if (!statement || read.range[0] < statement.range[1]) {
    return false;
  }
  return writes.some((other) => {
    const later = getStatement(other.identifier as TSESTree.Identifier);
    return (
      later !== undefined &&
      later !== statement &&
      later.parent === statement.parent &&
      later.range[0] > statement.range[1] &&
      later.range[1] < read.range[0] &&
      containsNode(later.parent, read) &&
      (later.type === AST_NODE_TYPES.VariableDeclaration ||
        (later.type === AST_NODE_TYPES.ExpressionStatement &&
          later.expression.type === AST_NODE_TYPES.AssignmentExpression &&
          later.expression.operator === '=' &&
          later.expression.left === other.identifier))
    );
  });
}

/** The statement of a block (or of the program) that holds `node`, when nothing but expressions lie between. */
function getStatement(node: TSESTree.Node): TSESTree.Statement | undefined {
  for (let current: TSESTree.Node | undefined = node; current?.parent; current = current.parent) {
    const parent: TSESTree.Node = current.parent;
    if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) {
      return current as TSESTree.Statement;
    }
    if (isFunction(parent) || parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression || parent.type === AST_NODE_TYPES.LogicalExpression) {
      return undefined;
    }
  }
  return undefined;
}

/** The name a call calls: `f` of `f()`, `obj.f()`, `this.f()`, `obj?.f()`. */
function getCalledName(call: TSESTree.CallExpression): string | undefined {
  const callee = skipTransparent(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? getMemberKey(callee) : undefined;
}

/**
 * The names a function is bound to, under which code can call it: its own name, the variable, property, class
 * member or `obj.k =` member it is written to. E.g. `toCredentials` of `toCredentials(r) { … }` in a class.
 */
function getBoundNames(fn: FunctionNode): string[] {
  const names: string[] = [];
  if (fn.id) names.push(fn.id.name);
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    names.push(parent.id.name);
  } else if (
    (parent?.type === AST_NODE_TYPES.Property ||
      parent?.type === AST_NODE_TYPES.MethodDefinition ||
      parent?.type === AST_NODE_TYPES.PropertyDefinition) &&
    parent.value === fn
  ) {
    const key = getClassKey(parent.key, parent.computed);
    if (key !== undefined) names.push(key);
  } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn) {
    const target = skipTransparent(parent.left);
    if (target.type === AST_NODE_TYPES.Identifier) names.push(target.name);
    if (target.type === AST_NODE_TYPES.MemberExpression) {
      const key = getMemberKey(target);
      if (key !== undefined) names.push(key);
    }
  }
  return names;
}

/** A write to an identifier: the value it takes, the keys that lead to it inside a pattern, and a default. */
interface Write {
  value: TSESTree.Node;
  path: string[];
  defaultValue?: TSESTree.Expression;
  via: TSESTree.Node[];
}

/** E.g. `const { a: { b = 1 } } = init`, `x = value`, `({ x } = value)`, `let x;` (no write). */
function findWrite(target: TSESTree.Identifier): Write | undefined {
  let child: TSESTree.Node = target;
  for (let parent = target.parent; parent; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.id !== child || !parent.init) return undefined;
        return withPattern(parent.id, target, parent.init, parent);
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.left !== child) return undefined;
        if (parent.operator !== '=' && parent.operator !== '||=' && parent.operator !== '??=') return undefined;
        return withPattern(parent.left, target, parent.right, parent);
      case AST_NODE_TYPES.Property:
      case AST_NODE_TYPES.ObjectPattern:
      case AST_NODE_TYPES.AssignmentPattern:
        continue;
      default:
        return undefined;
    }
  }
  return undefined;
}

function withPattern(
  pattern: TSESTree.Node,
  target: TSESTree.Identifier,
  value: TSESTree.Expression,
  via: TSESTree.Node,
): Write | undefined {
  const located = locateInPattern(pattern, target);
  return located && { value, path: located.path, defaultValue: located.defaultValue, via: [via] };
}

/**
 * The call that delivers a callback parameter: `p.then((value) => …)` (the first parameter) or a Node-style
 * `call(args, (err, result) => …)` (the second parameter of the last argument).
 */
function getDeliveringCall(
  fn: FunctionNode,
  index: number,
):
  | { kind: 'then'; receiver: TSESTree.Node; call: TSESTree.CallExpression }
  | { kind: 'callback'; call: TSESTree.CallExpression }
  | undefined {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
    return undefined;
  }
  const callee = skipTransparent(call.callee);
  if (index === 0 && isMemberNamed(callee, 'then') && call.arguments[0] === fn) {
    return { kind: 'then', receiver: callee.object, call };
  }
  if (index === 1 && call.arguments.at(-1) === fn) {
    return { kind: 'callback', call };
  }
  return undefined;
}

/** The class whose instance `this` is at `node`: through arrows, up to the method or field that holds them. */
export function getThisClass(node: TSESTree.Node): ClassNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.FunctionExpression: {
        const owner = current.parent;
        if (owner?.type === AST_NODE_TYPES.MethodDefinition && !owner.static) {
          return owner.parent.parent as ClassNode;
        }
        return undefined;
      }
      case AST_NODE_TYPES.FunctionDeclaration:
        return undefined;
      case AST_NODE_TYPES.PropertyDefinition:
        return current.static ? undefined : (current.parent.parent as ClassNode);
      default:
        break;
    }
  }
  return undefined;
}

function findMethod(owner: ClassNode, key: string): FunctionNode | undefined {
  for (const member of owner.body.body) {
    if (member.type === AST_NODE_TYPES.MethodDefinition && !member.static && member.kind === 'method' && getClassKey(member.key, member.computed) === key) {
      return member.value as FunctionNode;
    }
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && isFunction(member.value) && getClassKey(member.key, member.computed) === key) {
      return member.value;
    }
  }
  return undefined;
}

/** A member's key as its class spells it: `k` of `this.k` or `this['k']`, `#k` of `this.#k`. */
function getMemberKey(member: TSESTree.MemberExpression): string | undefined {
  return member.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.property.name}` : getPropertyName(member);
}

/** A class member's key: `k`, `'k'`, `#k` (private). */
function getClassKey(key: TSESTree.Expression | TSESTree.PrivateIdentifier, computed: boolean): string | undefined {
  return key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${key.name}` : getKeyName(key, computed);
}

/** The outermost node that holds the same value: `(x as T)!` for `x`. */
function getHolder(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && skipTransparent(current.parent) === skipTransparent(node) && current.parent !== node) {
    current = current.parent;
  }
  return current;
}

function isArrowBody(node: TSESTree.Node): boolean {
  return node.parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && node.parent.body === node;
}

function awaitValue(value: FlowValue): FlowValue {
  return value.path.length === 0 && !value.awaited && isCallLike(value.node) ? { ...value, awaited: true } : value;
}

function isCallLike(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression;
}

function withVia(value: FlowValue, via: readonly TSESTree.Node[]): FlowValue {
  return via.length === 0 ? value : { ...value, via: [...via, ...value.via] };
}

function dedupe(values: readonly FlowValue[]): readonly FlowValue[] {
  if (values.length < 2) return values;
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = `${value.node.range[0]}:${value.node.range[1]}:${value.node.type}:${value.awaited}:${value.path.join('.')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isStaticCall(callee: TSESTree.Node, object: string, method: string): boolean {
  return (
    isMemberNamed(callee, method) &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === object
  );
}

function isObjectAssign(call: TSESTree.CallExpression): boolean {
  return isStaticCall(skipTransparent(call.callee), 'Object', 'assign');
}

function isNewMap(node: TSESTree.Node): boolean {
  const value = skipTransparent(node);
  return (
    value.type === AST_NODE_TYPES.NewExpression &&
    value.callee.type === AST_NODE_TYPES.Identifier &&
    (value.callee.name === 'Map' || value.callee.name === 'WeakMap')
  );
}

function isExpressionLike(node: TSESTree.Node): node is TSESTree.Expression {
  return node.type !== AST_NODE_TYPES.ObjectPattern && node.type !== AST_NODE_TYPES.ArrayPattern;
}
