// GraphQL Code Generator: types for every query in src/, generated from the committed SDL
// snapshot. A query that asks for a field the schema no longer has fails here, and a changed
// type fails `tsc` where the app uses it: a breaking schema change breaks the build.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  // EXPLORER_SCHEMA / EXPLORER_CODEGEN_OUT: for the test that checks a breaking change fails.
  schema: process.env.EXPLORER_SCHEMA ?? "../tests/snapshots/schema.graphql",
  documents: ["src/**/*.ts", "!src/gql/**"],
  ignoreNoDocuments: false,
  errorsOnly: false,
  silent: false,
  generates: {
    [process.env.EXPLORER_CODEGEN_OUT ?? "src/gql/"]: {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { Date: "string" },
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: true,
        documentMode: "documentNode",
      },
    },
  },
};

export default config;
