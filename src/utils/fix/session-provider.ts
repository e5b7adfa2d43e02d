/**
 * A provider to take the place of credentials copied out of an Amplify session: it asks Amplify again at each
 * call, and Amplify refreshes the session's credentials when they have expired.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { skipTransparent } from '../ast/nodes.js';
import { collectNodes } from '../ast/walk.js';
import { isVisibleAt } from '../scope/names.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The error the v6 provider throws for a signed-out session (a guest-less identity pool returns no credentials). */
const SIGNED_OUT_ERROR = "'No AWS credentials: the Amplify session is signed out'";

/**
 * The provider text for `call`, an Amplify call named `name`, written at `location`, or `undefined` when the names
 * it uses mean something else there:
 * - v6 `fetchAuthSession(…)`: `async () => { const { credentials } = await fetchAuthSession(…); if (!credentials)
 *   throw …; return credentials; }` (`AuthSession.credentials` is optional);
 * - v5 `Auth.currentCredentials()`: `() => Auth.currentCredentials()`, whose result carries `expiration`;
 * - v5 `Auth.essentialCredentials(c)`: the same `() => Auth.currentCredentials()` (the essential copy drops
 *   `expiration`).
 */
export function getSessionProviderText(
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  name: string,
  location: TSESTree.Node,
): string | undefined {
  if (name === 'essentialCredentials') {
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || !isVisibleAt(sourceCode, callee.object, location)) {
      return undefined;
    }
    return `() => ${sourceCode.getText(callee.object)}.currentCredentials()`;
  }
  if (!isVisibleAt(sourceCode, call, location)) {
    return undefined;
  }
  const text = sourceCode.getText(call);
  if (name !== 'fetchAuthSession') {
    return `() => ${text}`;
  }
  // The provider declares `credentials`: a call that reads a `credentials` of its own would read the new one.
  const readsCredentials = collectNodes(call, (node) => node.type === AST_NODE_TYPES.Identifier && node.name === 'credentials').length > 0;
  return readsCredentials
    ? undefined
    : `async () => { const { credentials } = await ${text}; if (!credentials) throw new Error(${SIGNED_OUT_ERROR}); return credentials; }`;
}
