import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
// Where `vite` / `vite preview` send /api; override to point at a server on another port.
const apiTarget = process.env.TONGBAN_API_URL ?? 'http://127.0.0.1:3000';

// The web UI: one SPA, one lazily loaded chunk per app shell (portal,
// workbench, supervision) so a citizen on a phone never downloads the staff UI.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    // TONGBAN_WEB_DIST builds elsewhere (the server reads the same variable).
    outDir: process.env.TONGBAN_WEB_DIST ? path.resolve(process.env.TONGBAN_WEB_DIST) : 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
});
