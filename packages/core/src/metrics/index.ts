// Metric catalogue and local metrics, targets, observations and their import, the dashboard and
// disclosure settings. See docs/api-metrics.md.
import type { LipBuilder } from '../builder.ts';
import type { CoreHost } from '../host.ts';
import type { CoreTypeRefs } from '../schema.ts';

export function addMetricsTypes(_builder: LipBuilder, _host: CoreHost, _types: CoreTypeRefs): void {}
