import { lipVitestConfig } from './vitest.shared.ts';

export default lipVitestConfig({ config: { test: { include: ['test/**/*.test.ts'] } } });
