/** Version of @lip/core that plugins' `coreRange` is checked against (kept equal to package.json by a test). */
export const CORE_VERSION = '0.1.0';
