export { createDatabase, type Database, type DatabaseOptions } from './client.ts';
export * from './generated/prisma/client.ts';
