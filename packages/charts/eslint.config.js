import { core } from '@lip/eslint-config';
export default core;
