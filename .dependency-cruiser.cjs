// Import rules for src/ (run by `npm run lint`; __tests__/lint/import-rules.test.ts checks that they fire).
// Layers, outermost first: entries → app → adapters / github / export / sampler / settings → core.
// core/ is the pure centre (samples → energy → emissions → verdict → report text): it imports only
// itself and node: built-ins that do no I/O.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle: split the shared part into a leaf module (types.ts) that both import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'core/ must not import an outer layer; pass what it needs in (narrow settings, injected data).',
      from: { path: '^src/core/' },
      to: { path: '^src/(?!core/)' },
    },
    {
      name: 'core-no-io',
      severity: 'error',
      comment: 'core/ does no I/O: no fs, net, child processes or process-wide state.',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises|child_process|net|http|https|dgram|dns|tls|worker_threads|cluster)$' },
    },
    {
      name: 'no-upward-into-app',
      severity: 'error',
      comment: 'Only entries/ may import app/ (app orchestrates the layers below it).',
      from: { path: '^src/(?!app/|entries/)' },
      to: { path: '^src/app/' },
    },
    {
      name: 'no-upward-into-entries',
      severity: 'error',
      comment: 'Nothing imports an entry file.',
      from: { path: '^src/(?!entries/)' },
      to: { path: '^src/entries/' },
    },
    {
      name: 'sampler-stays-light',
      severity: 'error',
      comment: 'The sampler imports only its own modules, core types and node: built-ins (it must start fast).',
      from: { path: '^src/sampler/' },
      to: { path: '^(src/(?!sampler/|core/)|node_modules/)' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
