import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Two cores: Synapse, Chromium and the ONNX runtime each want one.
    maxWorkers: 2,
    env: { LANCEDB_LOG: 'error' },
  },
});
