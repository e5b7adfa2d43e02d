import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../utils/create-rule.js';
import { hoistToModuleScope } from '../utils/fix/hoist.js';
import { onSdkReferences, type SdkReferences } from '../utils/sdk/references.js';
import { getV2DisplayName } from '../utils/sdk/v2-config.js';
import { findFreeName, getModuleConstantDependencies } from '../utils/scope/hoisting.js';
import { findRepeatingPlace, type RepeatingPlace } from '../utils/scope/repetition.js';

type MessageId = 'clientPerRequest' | 'hoistToModuleScope';
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;

/** A client or credential provider construction. */
interface Construction {
  node: TSESTree.Node;
  name: string;
  kind: 'client' | 'credential provider';
  /** The class or factory name a module-level variable for it is named after: `S3Client`, `S3`, `fromIni`. */
  exportName: string;
}

const PLACES: Readonly<Record<RepeatingPlace, { place: string; unit: string }>> = {
  lambda: { place: 'the Lambda handler', unit: 'invocation' },
  route: { place: 'a route handler', unit: 'request' },
  loop: { place: 'a loop', unit: 'iteration' },
};

export default createRule<[], MessageId>({
  name: 'no-client-per-request',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow constructing AWS SDK clients and credential providers per request or per loop iteration',
      recommended: 'strict',
    },
    messages: {
      clientPerRequest:
        '`{{ name }}` is constructed inside {{ place }}, so every {{ unit }} builds a new {{ kind }} that resolves ' +
        'credentials again (instance metadata throttling, repeated STS calls, intermittent CredentialsProviderError) ' +
        'and reuses no connection. Hoist it to module scope and reuse it.',
      hoistToModuleScope: 'Build `{{ name }}` once at module scope, as `{{ variable }}`, and reuse it.',
    },
    hasSuggestions: true,
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    return onSdkReferences(context, (references) => {
      const constructions = getConstructions(references);
      const constructionNodes = new Set(constructions.map(({ node }) => node));
      for (const construction of constructions) {
        const place = findRepeatingPlace(sourceCode, construction.node, constructionNodes);
        if (!place) continue;
        const { name, kind } = construction;
        context.report({
          node: construction.node,
          messageId: 'clientPerRequest',
          data: { name, kind, place: PLACES[place].place, unit: PLACES[place].unit },
          suggest: getHoistSuggestions(sourceCode, construction),
        });
      }
    });
  },
});

/** Every client, v3 credential provider and v2 credentials provider class (not plain `Credentials`) of the file. */
function getConstructions(references: SdkReferences): Construction[] {
  const constructions: Construction[] = [];
  for (const client of references.ofKind('client')) {
    if (client.node.type !== AST_NODE_TYPES.NewExpression) continue;
    const name = client.info.sdk === 'v3' ? client.info.name : getV2DisplayName(client);
    constructions.push({ node: client.node, name, kind: 'client', exportName: client.info.name });
  }
  for (const provider of references.ofKind('provider')) {
    if (provider.node.type !== AST_NODE_TYPES.CallExpression) continue;
    constructions.push({ node: provider.node, name: provider.info.name, kind: 'credential provider', exportName: provider.info.name });
  }
  for (const credentials of references.ofKind('v2Credentials')) {
    if (credentials.node.type !== AST_NODE_TYPES.NewExpression || credentials.info.name === 'Credentials') continue;
    constructions.push({
      node: credentials.node,
      name: `AWS.${credentials.info.name}`,
      kind: 'credential provider',
      exportName: credentials.info.name,
    });
  }
  return constructions;
}

/**
 * `const s3 = new S3Client(…)` after the imports, and `s3` in place of the construction, when everything it reads is
 * a module-level constant or a literal: it then builds the same client at module scope.
 */
function getHoistSuggestions(sourceCode: Readonly<TSESLint.SourceCode>, { node, name, exportName }: Construction): Suggestion[] {
  const dependencies = getModuleConstantDependencies(sourceCode, node);
  const base = getVariableBase(exportName);
  const variable = dependencies && findFreeName(sourceCode, [base, `${base}Client`, `${base}2`]);
  if (!dependencies || !variable) return [];
  return [
    {
      messageId: 'hoistToModuleScope',
      data: { name, variable },
      fix: (fixer) => hoistToModuleScope(fixer, sourceCode, node, variable, dependencies),
    },
  ];
}

/** `S3Client` → `s3`, `DynamoDB` → `dynamoDB`, `DynamoDB.DocumentClient` → `document`, `fromIni` → `credentials`. */
function getVariableBase(name: string): string {
  const last = name.slice(name.lastIndexOf('.') + 1).replace(/Client$/, '').replaceAll(/[^a-z0-9]/gi, '');
  if (/^from[A-Z]/.test(last) || last === '') return 'credentials';
  const leading = /^[A-Z0-9]+(?=[A-Z][a-z]|$)/.exec(last)?.[0] ?? last.charAt(0);
  return leading.toLowerCase() + last.slice(leading.length);
}
