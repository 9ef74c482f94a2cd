import { web } from '@lip/eslint-config';
export default web;
