import { core } from '@lip/eslint-config';

export default [
  ...core,
  // Templates are Handlebars, not code; a scaffold is linted as its own package once generated.
  { ignores: ['templates/**'] },
  {
    // The scaffold test uses the SDK's test harness like any plugin's test; it names no plugin.
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@lip/plugin-*', '!@lip/plugin-sdk', '!@lip/plugin-sdk/*', '**/plugins/**'],
              message: 'The generators name no plugin.',
            },
          ],
        },
      ],
    },
  },
];
