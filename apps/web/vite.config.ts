import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const contracts = fileURLToPath(new URL('../../packages/contracts/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@shuangsheng/contracts': contracts } },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // One chunk per lazily loaded page; shared code is split automatically. No custom groups:
    // without a priority they pull react-dom into the antd chunk (DEPENDENCIES.md).
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // Contracts build zod schemas at module level; the web uses only their types and a few
      // constants. Declaring those modules free of side effects lets unused schemas (and zod
      // with them) drop out: ~120 kB of the main chunk. (Same as "sideEffects": false there.)
      treeshake: { moduleSideEffects: (id: string) => !id.replace(/\\/g, '/').includes('/packages/contracts/src/') },
    },
  },
});
