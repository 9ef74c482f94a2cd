// Co-production log, "you said, we did", comment threads and the activity feed. See docs/api-workflow.md.
import type { LipBuilder } from '../builder.ts';
import type { CoreHost } from '../host.ts';
import type { CoreTypeRefs } from '../schema.ts';

export function addCollaborationTypes(_builder: LipBuilder, _host: CoreHost, _types: CoreTypeRefs): void {}
