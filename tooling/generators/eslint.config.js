import { core } from '@lip/eslint-config';
// Templates are Handlebars, not code; the scaffold is linted as its own package once generated.
export default [...core, { ignores: ['templates/**'] }];
