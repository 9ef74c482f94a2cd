import { databaseSuite } from '@lip/vitest-config';

export default databaseSuite();
