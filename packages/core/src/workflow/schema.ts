// Plan lifecycle, coverage, re-mapping, versions and diffs, publication. See docs/api-workflow.md.
import type { LipBuilder } from '../builder.ts';
import type { CoreHost } from '../host.ts';
import type { CoreTypeRefs } from '../schema/type-refs.ts';
import { addCoverageTypes } from './schema/coverage.ts';
import { addLifecycleTypes } from './schema/lifecycle.ts';
import { addPublicIndexTypes } from './schema/public-index.ts';

export function addWorkflowTypes(builder: LipBuilder, host: CoreHost, types: CoreTypeRefs): void {
  addCoverageTypes(builder, host, types);
  addLifecycleTypes(builder, host, types);
  addPublicIndexTypes(builder, host);
}
