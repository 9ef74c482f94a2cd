// The core's GraphQL type references that feature modules (workflow, collaboration, metrics) and
// plugins build on. Declared here, in a module that imports only types and nothing that imports
// schema.ts, so a feature module can name them without importing the schema aggregator (which
// imports every feature module: that was a type-only import cycle through the whole core).
// schema.ts checks that what it builds is exactly this.
import type { EnumRef, ImplementableObjectRef, InterfaceRef } from '@pothos/core';
import type { PrismaModelTypes, PrismaNodeRef, PrismaObjectRef } from '@pothos/plugin-prisma';
import type {
  CommitmentProgress,
  DeliveryRating,
  MemberRole,
  Organisation,
  Partnership,
  Phase,
  Plan,
  PlanState,
  SectionStatus,
  StandardArea,
  StandardsFramework,
  SupportLayer,
  User,
  Member,
} from '@lip/db';
import type PrismaTypes from '@lip/db/pothos';
import type { LipSchemaTypes } from '../builder.ts';
import type { CommitmentRecord, LipError } from '../errors.ts';
import type { RagStatus } from '../services/commitment-fields.ts';
import type { NeedArea } from './scalars.ts';
import type { SectionView } from './section-view.ts';

type Types = PothosSchemaTypes.ExtendDefaultTypes<LipSchemaTypes>;
type Model<Name extends keyof PrismaTypes> = PrismaModelTypes & PrismaTypes[Name];
type Enum<Value> = EnumRef<Types, Value, Value>;

export interface CoreEnumRefs {
  MemberRoleEnum: Enum<MemberRole>;
  PlanStateEnum: Enum<PlanState>;
  SectionStatusEnum: Enum<SectionStatus>;
  PhaseEnum: Enum<Phase>;
  SupportLayerEnum: Enum<SupportLayer>;
  RagStatusEnum: Enum<RagStatus>;
  CommitmentProgressEnum: Enum<CommitmentProgress>;
  DeliveryRatingEnum: Enum<DeliveryRating>;
  NeedAreaEnum: Enum<NeedArea>;
}

export interface CoreTypeRefs {
  PlanRef: PrismaNodeRef<Types, Model<'Plan'>, Plan>;
  SectionRef: ImplementableObjectRef<Types, SectionView>;
  CommitmentRef: PrismaNodeRef<Types, Model<'Commitment'>, CommitmentRecord>;
  OrganisationRef: PrismaNodeRef<Types, Model<'Organisation'>, Organisation>;
  PartnershipRef: PrismaNodeRef<Types, Model<'Partnership'>, Partnership>;
  UserRef: PrismaNodeRef<Types, Model<'User'>, User>;
  MemberRef: PrismaNodeRef<Types, Model<'Member'>, Member>;
  StandardAreaRef: PrismaNodeRef<Types, Model<'StandardArea'>, StandardArea>;
  StandardsFrameworkRef: PrismaObjectRef<Types, Model<'StandardsFramework'>, StandardsFramework>;
  ErrorInterface: InterfaceRef<Types, LipError, LipError>;
  enums: CoreEnumRefs;
}
