/**
 * Typed mode: what the TypeScript type of a value says about the credentials it is, when the user's config gives the
 * parser a program (`parserOptions.projectService` or `project`). The credential model asks only at the leaves the
 * flow model cannot follow (a parameter, a DI-injected service's property, a value from another package), and only
 * when a rule asks about a consumer's value: a file with no consumer asks the checker nothing.
 *
 * The `typescript` module is never loaded here: the checker comes from the parser's program, and the few type flags
 * read are TypeScript's stable `TypeFlags` values.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Node as TsNode, Program, Signature, Type, TypeChecker } from 'typescript';

import type { FunctionNode } from '../ast/nodes.js';
import type { FlowValue } from '../scope/flow.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** What a value's type says it is. `type` is how messages name the type (`AwsKeys`, `() => Promise<AwsKeys>`). */
export type TypedCredential =
  /** An object type with `accessKeyId` and `secretAccessKey`, no call signature, and no way to refresh itself. */
  | { kind: 'static'; type: string }
  /**
   * A function type whose every call signature returns (a promise of) such an object. `expiration`: some declared
   * result has an `expiration` member, optional or not (`AwsCredentialIdentityProvider`): the SDK may see it.
   */
  | { kind: 'provider'; type: string; expiration: boolean };

/** The questions typed mode answers for one file. */
export interface TypedCredentials {
  /** What the type of an unknown flow value says (awaited and read along its path, as the flow model left it). */
  valueOf(value: FlowValue): TypedCredential | undefined;
  /** What the call signature of a function the file defines says it returns (declared, or inferred by TypeScript). */
  functionOf(fn: FunctionNode): TypedCredential | undefined;
}

/** `TypeFlags` of TypeScript (`Any`, `Unknown`, `Undefined`, `Null`, `Void`, `Never`, `TypeParameter`). */
const ANY_OR_UNKNOWN = 1 | 2;
const NULLISH = 4 | 8 | 16 | 131_072;
const TYPE_PARAMETER = 262_144;

/** Members of a credentials object that refreshes itself: v2 `AWS.Credentials` and its subclasses. */
const SELF_REFRESHING_MEMBERS: readonly string[] = ['get', 'getPromise', 'refresh', 'refreshPromise', 'needsRefresh'];
/** Members that tell the SDK when credentials expire (`expiration` of v3, `expireTime` of v2). */
const EXPIRY_MEMBERS: readonly string[] = ['expiration', 'expireTime'];
const MAX_TYPE_TEXT = 60;

interface ParserServices {
  program: Program | null;
  esTreeNodeToTSNodeMap: { get(node: TSESTree.Node): TsNode | undefined };
}

const cache = new WeakMap<SourceCode, TypedCredentials | null>();

/** Typed mode for this file, when its parser was given a program; `undefined` otherwise (today's results). */
export function getTypedCredentials(sourceCode: SourceCode): TypedCredentials | undefined {
  let typed = cache.get(sourceCode);
  if (typed === undefined) {
    const services = sourceCode.parserServices as Partial<ParserServices> | undefined;
    typed = services?.program && services.esTreeNodeToTSNodeMap ? createTypedCredentials(sourceCode, services.program, services.esTreeNodeToTSNodeMap) : null;
    cache.set(sourceCode, typed);
  }
  return typed ?? undefined;
}

function createTypedCredentials(sourceCode: SourceCode, program: Program, map: ParserServices['esTreeNodeToTSNodeMap']): TypedCredentials {
  const checker: TypeChecker = program.getTypeChecker();

  const propertyOf = (type: Type, key: string): boolean => checker.getPropertyOfType(checker.getApparentType(type), key) !== undefined;
  const isOpaque = (type: Type): boolean => (type.flags & (ANY_OR_UNKNOWN | TYPE_PARAMETER)) !== 0 || type.isTypeParameter();
  /** The members of a union that may be a value (`undefined` of an optional parameter dropped). */
  const partsOf = (type: Type): Type[] => (type.isUnion() ? type.types : [type]).filter((part) => (part.flags & NULLISH) === 0);

  const describe = (type: Type): string => {
    const text = checker.typeToString(type);
    return text.length > MAX_TYPE_TEXT ? `${text.slice(0, MAX_TYPE_TEXT - 1)}…` : text;
  };

  /** An object with both keys, no call signature, and no `get()`/`refresh()` of its own. */
  function isKeysObject(type: Type): boolean {
    return (
      !isOpaque(type) &&
      type.getCallSignatures().length === 0 &&
      propertyOf(type, 'accessKeyId') &&
      propertyOf(type, 'secretAccessKey') &&
      !SELF_REFRESHING_MEMBERS.some((key) => propertyOf(type, key))
    );
  }

  /** What the signatures return, awaited: every result a keys object, or nothing to say. */
  function classifySignatures(signatures: readonly Signature[], type: string): TypedCredential | undefined {
    let expiration = false;
    for (const signature of signatures) {
      const returned = signature.getReturnType();
      const awaited = checker.getAwaitedType(returned);
      const parts = awaited ? partsOf(awaited) : [];
      if (parts.length === 0 || !parts.every(isKeysObject)) return undefined;
      expiration ||= parts.some((part) => EXPIRY_MEMBERS.some((key) => propertyOf(part, key)));
    }
    return signatures.length > 0 ? { kind: 'provider', type, expiration } : undefined;
  }

  /** Static when every member of the type is a keys object; a provider when every member is callable and returns one. */
  function classifyType(type: Type): TypedCredential | undefined {
    if (isOpaque(type)) return undefined;
    const parts = partsOf(type);
    if (parts.length === 0 || parts.some(isOpaque)) return undefined;
    if (parts.every(isKeysObject)) return { kind: 'static', type: describe(parts.length === 1 ? parts[0]! : type) };
    const signatures = parts.map((part) => part.getCallSignatures());
    if (signatures.some((list) => list.length === 0)) return undefined;
    const results = signatures.map((list) => classifySignatures(list, describe(type)));
    if (!results.every((result) => result?.kind === 'provider')) return undefined;
    return { kind: 'provider', type: describe(type), expiration: results.some((result) => result?.kind === 'provider' && result.expiration) };
  }

  /**
   * The type of the leaf, then its path. A destructured parameter's binding (`function f({ credentials })`) is
   * already the value at the start of its path: those keys are skipped.
   */
  function typeOfValue(value: FlowValue): Type | undefined {
    const node = map.get(value.node);
    if (!node) return undefined;
    let type: Type | undefined = checker.getTypeAtLocation(node);
    if (value.awaited) type = checker.getAwaitedType(type);
    for (const key of value.path.slice(getPatternDepth(sourceCode, value.node))) {
      if (!type || isOpaque(type)) return undefined;
      const symbol = checker.getPropertyOfType(checker.getApparentType(checker.getNonNullableType(type)), key);
      type = symbol && checker.getTypeOfSymbolAtLocation(symbol, node);
    }
    return type;
  }

  return {
    valueOf(value) {
      const type = typeOfValue(value);
      return type && classifyType(type);
    },
    functionOf(fn) {
      const node = map.get(fn);
      const signature = node && checker.getSignatureFromDeclaration(node as Parameters<TypeChecker['getSignatureFromDeclaration']>[0]);
      return signature && classifySignatures([signature], describe(checker.getTypeAtLocation(node)));
    },
  };
}

/** How many keys of a parameter's path its destructuring pattern reads before it binds `node`. */
function getPatternDepth(sourceCode: SourceCode, node: TSESTree.Node): number {
  if (node.type !== AST_NODE_TYPES.Identifier) return 0;
  const def = ASTUtils.findVariable(sourceCode.getScope(node), node)?.defs[0];
  if (def?.type !== 'Parameter') return 0;
  let depth = 0;
  for (let current: TSESTree.Node | undefined = def.name; current && current !== def.node; current = current.parent) {
    if (current.parent?.type === AST_NODE_TYPES.ObjectPattern || current.parent?.type === AST_NODE_TYPES.ArrayPattern) depth++;
  }
  return depth;
}
