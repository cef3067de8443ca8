import type { CodegenConfig } from "@graphql-codegen/cli";

const typedDocuments = {
  useTypeImports: true,
  enumsAsTypes: true,
  scalars: { DateTime: "string", ID: "string" },
  importExtension: ".ts",
} as const;

// The schema is the printed one (npm run schema:print), so codegen never loads TypeScript.
const config: CodegenConfig = {
  schema: "schema.graphql",
  ignoreNoDocuments: false,
  generates: {
    "test/generated/": {
      documents: ["test/**/*.ts", "!test/generated/**"],
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: typedDocuments,
    },
    // The web console's documents (committed, so that the install-time build needs no codegen).
    "src/console/src/gql/": {
      documents: ["src/console/src/**/*.{ts,tsx}", "!src/console/src/gql/**"],
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: typedDocuments,
    },
  },
};

export default config;
