import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const contracts = fileURLToPath(new URL('../../packages/contracts/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@shuangsheng/contracts': contracts } },
  server: {
    // The API the dev server forwards to: a server on port 3000 unless SS_API_URL names another.
    proxy: { '/api': { target: process.env.SS_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // One chunk per lazily loaded page; shared code is split automatically. No custom groups:
    // without a priority they pull react-dom into the antd chunk (DEPENDENCIES.md).
    // Contracts declare "sideEffects": false, so the schemas the console does not use (and zod
    // with them) are left out of its chunks.
    chunkSizeWarningLimit: 1200,
  },
});
