import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations, checked against the service's schema: an operation that
// the schema no longer accepts fails `npm run codegen`; a changed result
// type fails `tsc`. Both run in `npm run build`, which scripts/test runs.
const config: CodegenConfig = {
  // The entry and one file per area, as gqlgen.yml reads them.
  schema: ['../schema.graphqls', '../schema/*.graphqls'],
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: 'string', Time: 'string' },
        documentMode: 'string',
      },
    },
  },
};
export default config;
