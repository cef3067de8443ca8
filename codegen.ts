import type { CodegenConfig } from "@graphql-codegen/cli";

// The schema is the printed one (npm run schema:print), so codegen never loads TypeScript.
const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["test/**/*.ts", "!test/generated/**"],
  ignoreNoDocuments: false,
  generates: {
    "test/generated/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: "string", ID: "string" },
        importExtension: ".ts",
      },
    },
  },
};

export default config;
