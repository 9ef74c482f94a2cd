// Section-only plugins standing in for the real section plugins, so core's rules can be tested
// across every section without core naming a plugin package.
import type { LipPlugin } from '../../src/index.ts';

const section = (id: string, title: string, position: number, owner: string): LipPlugin => ({
  id,
  name: `${title} (test)`,
  version: '0.0.0',
  coreRange: '*',
  sections: [{ key: id, title, position, ownerOrganisationTypes: [owner] }],
});

export const testPlugins: LipPlugin[] = [
  section('education', 'Education', 10, 'local-authority-education'),
  section('health', 'Health', 20, 'integrated-care-board'),
  section('care', 'Social care', 30, 'local-authority-social-care'),
  section('alternative-provision', 'Alternative provision', 40, 'alternative-provision'),
];
