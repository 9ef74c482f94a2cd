// Turborepo looks for its generators here; they live in tooling/generators (templates, tests).
export { default } from '../../tooling/generators/config.ts';
