import { lipVitestConfig } from './vitest.shared.js';

export default lipVitestConfig({ config: { test: { include: ['test/**/*.test.ts'] } } });
