/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The page is served by the stack's own HTTP gateway (make run) or from the bucket behind
// CloudFront; both serve /config.json beside it, which names the API and WebSocket URLs.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false },
  test: { include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], environment: 'node' },
})
