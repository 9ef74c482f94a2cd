// The one package a plugin imports: the plugin contract and the core references it builds on.
export {
  definePlugin,
  ValidationError,
  NotFoundError,
  ForbiddenError,
  SectionConflictError,
  CommitmentConflictError,
  type LipPlugin,
  type SectionDefinition,
  type PluginPermission,
  type CoreRefs,
  type LipBuilder,
  type SectionView,
  type SectionData,
  type RequestContext,
  type FieldError,
} from '@lip/core';
