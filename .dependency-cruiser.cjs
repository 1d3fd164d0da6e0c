// Layering rules (issue 13): checked by `npm run lint:deps` in `npm test`. Biome formats and lints the
// code itself; dependency-cruiser checks what may import what, which Biome cannot.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import circles, type-only ones included, tie domains together so that none can change alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'components-not-app',
      comment: 'UI components take server actions and data as props; they never import app/.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^app/' },
    },
    {
      name: 'lib-not-app-or-ui',
      comment: 'lib/ holds the rules, framework-free: no app/, no components/, no React, no Next.',
      severity: 'error',
      // Route-handler tests under lib/ call the app/api/v1 handlers as an integration would.
      from: { path: '^lib/', pathNot: '\\.test\\.ts$' },
      to: { path: ['^app/', '^components/', '^node_modules/(react|react-dom|next)/'] },
    },
    {
      name: 'components-not-db',
      comment: 'Components never touch the database or its generated client.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: ['^lib/db/', '^node_modules/(@prisma|better-sqlite3|pg)/'] },
    },
    {
      name: 'app-no-queries',
      comment:
        "app/ hands `db` (lib/db/client) to lib functions and queries nothing itself: the generated Prisma client and its types, the SQL helpers and the drivers are lib's (test/layering.test.ts also refuses `db.<model>.<op>(` in app/).",
      severity: 'error',
      from: { path: '^app/', pathNot: '\\.test\\.ts$' },
      to: {
        path: ['^lib/db/(generated/|generated-postgres/|postgres/|sql\\.ts$|tx\\.ts$|sqlite-connection\\.ts$)', '^node_modules/(@prisma|better-sqlite3|pg)/'],
      },
    },
    {
      name: 'lib-not-scripts',
      comment: 'scripts/ is the composition root: it imports the domains, never the other way round.',
      severity: 'error',
      from: { path: '^(lib|components|app)/' },
      to: { path: '^scripts/' },
    },
    {
      name: 'no-test-kits-in-code',
      comment: 'Test kits live under test/ and serve tests and benches only.',
      severity: 'error',
      from: { path: '^(lib|app|components|scripts)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: ['^test/', '\\.test\\.tsx?$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(\\.next[^/]*|lib/db/generated|lib/db/generated-postgres|data|test-results)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
