// Module resolve hook for the nodejs* runtimes, registered by bootstrap.js with module.register() when a
// runtime-modules folder exists and Node.js lacks the in-thread module.registerHooks (Node 20.6+, 18.19+;
// the same hook is then in bootstrap.js). Lambda's Node.js runtimes include the AWS SDK for JavaScript v3 ("Lambda
// runtimes" in the Lambda guide), and ES modules import it from there; NODE_PATH does not apply to ES
// modules, so a bare specifier that the function's own folders do not provide is resolved a second time
// as if imported from the runtime-modules folder. The default resolution runs first, so a package the
// function bundles (its own node_modules, e.g. a pinned SDK) wins, as it does on Lambda.
let runtimeParentUrl;

export function initialize(data) {
  runtimeParentUrl = data && data.parentUrl;
}

// "pkg", "@scope/pkg/sub": not relative, absolute, a URL (node:, file:, data:) or a package import (#x).
function isBare(specifier) {
  return !/^(?:\.{0,2}\/|#|[a-zA-Z][a-zA-Z\d+.-]*:)/.test(specifier);
}

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (!runtimeParentUrl || !error || error.code !== 'ERR_MODULE_NOT_FOUND' || !isBare(specifier)) throw error;
    try {
      return await nextResolve(specifier, { ...context, parentURL: runtimeParentUrl });
    } catch (_) {
      throw error; // the message names the function's own file, as Lambda's does
    }
  }
}
