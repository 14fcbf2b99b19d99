// Module boundaries (ARCHITECTURE.md, "Module boundaries"): code outside a module
// reaches it only through the module's index.ts; test code may also use its
// testing.ts (fixtures a module offers to other modules' tests). Platform code
// sits below the modules and imports none of them. Exceptions are listed in
// eslint.config.js with their reason (`allow`, globs: `*` one path segment).
// Plain JavaScript so that ESLint loads it without a TypeScript step.
import path from 'node:path';

const MODULES = 'server/src/modules/';
const PLATFORM = 'server/src/platform/';

/** `cases` for server/src/modules/cases/x/y.ts, null outside the modules. */
function moduleOf(rel) {
  return rel.startsWith(MODULES) ? rel.slice(MODULES.length).split('/')[0] : null;
}

/** `*` stands for one path segment, `**` for any number. */
const globMatch = (glob, rel) =>
  new RegExp(`^${glob.split('/').map((part) => (part === '**' ? '.*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))).join('/')}$`).test(rel);

const isTestCode = (rel) => rel.endsWith('.test.ts') || rel.startsWith('server/test/') || rel.includes('/test-support/');

/** @type {import('eslint').Rule.RuleModule} */
export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: "Import another module only through its index.ts; platform code imports no module" },
    schema: [{
      type: 'object',
      properties: {
        allow: {
          type: 'array',
          items: {
            type: 'object',
            properties: { from: { type: 'string' }, to: { type: 'string' }, reason: { type: 'string' } },
            required: ['from', 'to', 'reason'],
          },
        },
      },
      additionalProperties: false,
    }],
    messages: {
      internal: "'{{target}}' is inside module '{{module}}': import '{{module}}/index.ts' instead (ARCHITECTURE.md, Module boundaries).",
      platform: "platform code imports no module ('{{target}}'): the composition root (server/src/server.ts) wires modules to the platform.",
    },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const allow = context.options[0]?.allow ?? [];
    const from = moduleOf(file);
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.relative(root, path.resolve(path.dirname(context.filename), spec)).split(path.sep).join('/');
      const to = moduleOf(target);
      if (to === null || to === from) return;
      if (allow.some((a) => globMatch(a.from, file) && globMatch(a.to, target))) return;
      if (file.startsWith(PLATFORM) && !isTestCode(file)) {
        context.report({ node, messageId: 'platform', data: { target } });
        return;
      }
      const inside = target.slice(MODULES.length + to.length + 1);
      if (inside === 'index.ts' || (inside === 'testing.ts' && isTestCode(file))) return;
      context.report({ node, messageId: 'internal', data: { target, module: to } });
    };
    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { 'module-boundaries': moduleBoundaries } };
