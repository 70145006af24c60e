import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Unit tests: pure rules, schemas, recognisers (jsdom) and the PDF. */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30000,
    // The guide's style sheet (`guide.css?inline`) as its real text: the background sends it to
    // the content scripts, and the tests check what is sent.
    css: { include: [/components\/guide\/guide\.css/] },
  },
});
