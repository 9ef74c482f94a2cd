// Plan lifecycle, coverage, re-mapping, versions and diffs, publication. See docs/api-workflow.md.
import type { LipBuilder } from '../builder.ts';
import type { CoreHost } from '../host.ts';
import type { CoreTypeRefs } from '../schema.ts';

export function addWorkflowTypes(_builder: LipBuilder, _host: CoreHost, _types: CoreTypeRefs): void {}
