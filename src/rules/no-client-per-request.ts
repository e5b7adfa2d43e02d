import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../utils/create-rule.js';
import { onSdkReferences, type SdkReferences } from '../utils/sdk/references.js';
import { getV2DisplayName } from '../utils/sdk/v2-config.js';
import { findRepeatingPlace, type RepeatingPlace } from '../utils/scope/repetition.js';

type MessageId = 'clientPerRequest';

/** A client or credential provider construction. */
interface Construction {
  node: TSESTree.Node;
  name: string;
  kind: 'client' | 'credential provider';
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
    },
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
    constructions.push({ node: client.node, name, kind: 'client' });
  }
  for (const provider of references.ofKind('provider')) {
    if (provider.node.type !== AST_NODE_TYPES.CallExpression) continue;
    constructions.push({ node: provider.node, name: provider.info.name, kind: 'credential provider' });
  }
  for (const credentials of references.ofKind('v2Credentials')) {
    if (credentials.node.type !== AST_NODE_TYPES.NewExpression || credentials.info.name === 'Credentials') continue;
    constructions.push({ node: credentials.node, name: `AWS.${credentials.info.name}`, kind: 'credential provider' });
  }
  return constructions;
}
