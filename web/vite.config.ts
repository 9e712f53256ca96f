import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The build lands in internal/webui/dist, which the Go binary embeds
// (go:embed) and which is committed: `go build` needs no Node step, and
// scripts/test rebuilds it and fails on any difference.
export default defineConfig({
  plugins: [react()],
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
