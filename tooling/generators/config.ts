/**
 * `turbo gen plugin` (or `npx pnpm gen:plugin`): scaffolds `plugins/<id>/`, a section plugin with one
 * typed field, one readiness check, a UI entry, a test through the SDK harness and a
 * README. It typechecks, lints and passes its tests as generated; adding it to the app is the one
 * line it prints for `apps/web/lip.config.ts`.
 *
 * Non-interactive: `npx pnpm gen:plugin --args <id> "<name>" <owner-organisation-type>`.
 * Set LIP_GEN_SKIP_INSTALL=1 to leave `pnpm install` to the caller (the scaffold test does).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PlopTypes } from '@turbo/gen';
import {
  ORGANISATION_TYPES,
  demoEditorFor,
  pascalCase,
  camelCase,
  validatePluginId,
  validatePluginName,
} from './plugin-naming.ts';

interface PluginAnswers {
  id: string;
  name: string;
  ownerOrganisationType: string;
}

const TEMPLATE_FILES = [
  'package.json',
  'tsconfig.json',
  'eslint.config.js',
  'vitest.config.ts',
  'README.md',
  'src/fields.ts',
  'src/server/index.ts',
  'src/ui/index.tsx',
  'test/{{id}}.test.ts',
  'test/ui.test.ts',
];

/** The repository root: the nearest folder, from the generator config up, with pnpm-workspace.yaml. */
function findRoot(from: string): string {
  let dir = path.resolve(from);
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
  return dir;
}

/** Formats the scaffold with the repository's Prettier config (as every file here is). */
function format(root: string, id: string): string {
  const prettier = path.join(root, 'node_modules', '.bin', 'prettier');
  if (!existsSync(prettier)) return 'prettier not installed: not formatted';
  execFileSync(prettier, ['--write', '--log-level', 'warn', path.join('plugins', id)], {
    cwd: root,
    stdio: 'inherit',
  });
  return `prettier: formatted plugins/${id}`;
}

/** `pnpm install` so the new workspace package gets its node_modules links (offline when it can). */
function install(root: string): string {
  const pnpm = path.join(root, 'node_modules', '.bin', 'pnpm');
  const command = existsSync(pnpm) ? pnpm : 'pnpm';
  // CI defaults to a frozen lockfile; a new workspace package must add its importer to it.
  const base = ['install', '--no-frozen-lockfile'];
  try {
    execFileSync(command, [...base, '--offline'], { cwd: root, stdio: 'inherit' });
  } catch {
    execFileSync(command, [...base, '--prefer-offline'], { cwd: root, stdio: 'inherit' });
  }
  return 'pnpm install: linked the new workspace package';
}

export default function generator(plop: PlopTypes.NodePlopAPI): void {
  const root = findRoot(plop.getPlopfilePath());
  // One spelling of the derived names everywhere (the SDK derives GraphQL names the same way).
  plop.setHelper('typePrefix', (id: string) => pascalCase(id));
  plop.setHelper('fieldName', (id: string) => camelCase(id));
  plop.setHelper('demoEditor', (type: string) => demoEditorFor(type));
  plop.setHelper('json', (value: unknown) => JSON.stringify(value));

  plop.setGenerator('plugin', {
    description:
      'A section plugin for lip: plugins/<id> with one typed field, a readiness check, a UI entry and tests',
    prompts: [
      {
        type: 'input',
        name: 'id',
        message: 'Plugin id (kebab-case, e.g. "early-years"); it is also the section key:',
        validate: (input: string) =>
          validatePluginId(input, (id) => existsSync(path.join(root, 'plugins', id))),
      },
      {
        type: 'input',
        name: 'name',
        message: 'Plugin name, as people read it (e.g. "Early years"):',
        validate: validatePluginName,
      },
      {
        type: 'list',
        name: 'ownerOrganisationType',
        message: 'Which organisation type owns (edits) the section?',
        choices: ORGANISATION_TYPES.map(({ id, label }) => ({
          name: `${label} (${id})`,
          value: id,
        })),
      },
    ],
    actions: (data) => {
      const answers = data as PluginAnswers;
      const actions: PlopTypes.ActionType[] = TEMPLATE_FILES.map((file) => ({
        type: 'add',
        path: path.join(root, 'plugins', '{{id}}', file),
        templateFile: path.join(
          root,
          'tooling/generators/templates',
          `${file.replace('{{id}}', 'plugin')}.hbs`,
        ),
        abortOnFail: true,
      }));
      actions.push(() => format(root, answers.id));
      actions.push(() => {
        if (process.env.LIP_GEN_SKIP_INSTALL === '1')
          return 'pnpm install skipped (LIP_GEN_SKIP_INSTALL=1)';
        return install(root);
      });
      actions.push(() => {
        const line = `'@lip/plugin-${answers.id}'`;
        console.log(
          `\nAdd the plugin to the app: in apps/web/lip.config.ts, add ${line} to \`plugins\`:\n` +
            `  export const plugins: readonly string[] = [/* … */, ${line}];\n` +
            `Then: npx pnpm --filter @lip/plugin-${answers.id} test   (and see docs/writing-a-plugin.md)\n`,
        );
        return `plugins/${answers.id} is ready`;
      });
      return actions;
    },
  });
}
