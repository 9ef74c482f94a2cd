import { plugin } from '@lip/eslint-config';
export default plugin('education');
