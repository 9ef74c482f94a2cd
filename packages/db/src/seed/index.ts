export { seedCatalogue } from './catalogue-seed.ts';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, type DemoAccount } from './demo-seed.ts';
export * as catalogue from './catalogue.ts';
