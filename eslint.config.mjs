import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      'dist/**',
      '.next-test/**',
      'data/**',
      'lib/db/generated/**',
      'next-env.d.ts',
    ],
  },
  {
    rules: {
      // The arrows point one way (DESIGN.md): nothing imports app/ or workers/ from lib/.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/app/*', '**/workers/*', '@/app/*', '@/workers/*'],
              message: 'lib/ must not import app/ or workers/',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['app/**', 'workers/**', 'cli/**', 'tests/**', 'scripts/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
];

export default config;
