// What a plugin's `register` receives besides the builder: the core's type references, its error
// classes, and helpers to read and write the plugin's own data on a section.
import type { LipBuilder } from '../builder.ts';
import type { RequestContext } from '../context.ts';
import {
  CommitmentConflictError,
  ForbiddenError,
  NotFoundError,
  SectionConflictError,
  ValidationError,
} from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';
import { withSectionTargets } from '../metrics/section-targets.ts';
import type { CoreTypeRefs } from '../schema/type-refs.ts';
import type { SectionView } from '../schema/section-view.ts';
import {
  readSectionData,
  writeSectionData,
  type SectionData,
  type WriteSectionDataArgs,
} from '../services/section-data.ts';

export interface CoreRefs extends CoreTypeRefs {
  errors: {
    ValidationError: typeof ValidationError;
    NotFoundError: typeof NotFoundError;
    ForbiddenError: typeof ForbiddenError;
    SectionConflictError: typeof SectionConflictError;
    CommitmentConflictError: typeof CommitmentConflictError;
  };
  /** The error types a section write can answer with: use as `errors: { types: refs.sectionWriteErrors }`. */
  sectionWriteErrors: [
    typeof SectionConflictError,
    typeof ValidationError,
    typeof NotFoundError,
    typeof ForbiddenError,
  ];
  /** This plugin's data on a section ({} when never written). */
  readSectionData(section: SectionView): SectionData;
  /**
   * The section's values as read, with its metric target fields (decision 027) filled in from the
   * plan's metric targets.
   */
  withMetricTargets(section: SectionView, values: SectionData): Promise<SectionData>;
  /**
   * Replace this plugin's data on a section, if `version` is current: checks the viewer may edit
   * the section, increments the version, appends an audit event; throws NotFoundError,
   * ForbiddenError or SectionConflictError (carrying the current section).
   */
  writeSectionData(ctx: RequestContext, args: WriteSectionDataArgs): Promise<SectionView>;
  /** The database id behind a global id of the given type, or null. */
  idOf: typeof idOf;
}

// Completes the plugin contract (./types.ts): `register(builder, refs)` gets the core's builder and
// these references.
declare module './types.ts' {
  interface PluginRegistration {
    builder: LipBuilder;
    refs: CoreRefs;
  }
}

export function createRefs(host: CoreHost, types: CoreTypeRefs, pluginId: string): CoreRefs {
  return {
    ...types,
    errors: {
      ValidationError,
      NotFoundError,
      ForbiddenError,
      SectionConflictError,
      CommitmentConflictError,
    },
    sectionWriteErrors: [SectionConflictError, ValidationError, NotFoundError, ForbiddenError],
    readSectionData: (section) => readSectionData(section, pluginId),
    withMetricTargets: (section, values) => withSectionTargets(host, section, values),
    writeSectionData: (ctx, args) => writeSectionData(host, ctx, pluginId, args),
    idOf,
  };
}
