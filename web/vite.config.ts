import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readmeExamples } from './src/readmeExamples';

// The README's example queries as a module (virtual:readme-examples), read at
// build time: only a change to the examples changes the build, not any edit
// of the README.
function readmeExamplesModule(): Plugin {
  const id = 'virtual:readme-examples';
  return {
    name: 'readme-examples',
    resolveId: (source) => (source === id ? '\0' + id : undefined),
    load(source) {
      if (source !== '\0' + id) return undefined;
      const readme = new URL('../README.md', import.meta.url);
      this.addWatchFile(readme.pathname);
      return `export default ${JSON.stringify(readmeExamples(readFileSync(readme, 'utf8')))};`;
    },
  };
}

// The build lands in internal/webui/dist, which the Go binary embeds
// (go:embed) and which is committed: `go build` needs no Node step, and
// scripts/test rebuilds it and fails on any difference.
export default defineConfig({
  plugins: [react(), readmeExamplesModule()],
  base: '/',
  build: {
    outDir: '../internal/webui/dist',
    emptyOutDir: true,
    target: 'es2022',
    // Deterministic output: no inlined data URIs that vary, stable names.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { index: 'index.html', graphiql: 'graphiql.html' },
      // GraphiQL's dependencies carry "use no memo" directives that only
      // matter to the React compiler; the bundler's warning about them is noise.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '/graphql': 'http://127.0.0.1:18092', '/export': 'http://127.0.0.1:18092' } },
});
