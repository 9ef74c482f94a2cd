import { pure } from '@lip/eslint-config';
export default pure;
