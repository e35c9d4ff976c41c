import { defineConfig } from 'vite';

export default defineConfig({
  // The package loads its .wasm from beside its own module; the dev server's dependency
  // pre-bundling would move the module away from it. (The production build needs nothing.)
  optimizeDeps: { exclude: ['disclosure-report'] },
  build: {
    rollupOptions: { input: ['index.html', 'check.html'] },
  },
});
