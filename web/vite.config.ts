import { defineConfig, loadEnv } from "vite";
import type { Plugin } from "vite";

// The graph chunk (cytoscape) is imported dynamically so the first query goes out before it is
// parsed; preloading it lets the browser fetch it alongside the entry instead of after it.
function preloadDynamicChunks(): Plugin {
  return {
    name: "newsgraph-preload-dynamic-chunks",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter(
          (file) => file.type === "chunk" && file.isDynamicEntry,
        );
        return chunks.map((chunk) => ({
          tag: "link",
          attrs: { rel: "modulepreload", crossorigin: true, href: `./${chunk.fileName}` },
          injectTo: "head" as const,
        }));
      },
    },
  };
}

// Relative base: the same build works at /explore/ (served by newsgraph) and on any static host.
// `npm run dev` proxies /graphql to VITE_API_URL's origin or http://127.0.0.1:8000, so the dev
// server needs no CORS; `?api=<url>` in the page address points it at any other API.
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), "");
  const target = env.NEWSGRAPH_DEV_API ?? "http://127.0.0.1:8000";
  return {
    base: "./",
    plugins: [preloadDynamicChunks()],
    build: {
      outDir: "dist",
      emptyOutDir: true,
      target: "es2022",
      sourcemap: false,
      reportCompressedSize: true,
      chunkSizeWarningLimit: 700,
      // cytoscape (the graph chunk) loads while the first query is in flight; no tiny chunks.
      rollupOptions: { output: { experimentalMinChunkSize: 4096 } },
    },
    server: { proxy: { "/graphql": { target, changeOrigin: true } } },
    preview: { proxy: { "/graphql": { target, changeOrigin: true } } },
  };
});
