import { defineConfig } from 'vite';

// Served by the API server under /h5/.
export default defineConfig({
  base: '/h5/',
  build: { outDir: 'dist', emptyOutDir: true, modulePreload: false },
});
