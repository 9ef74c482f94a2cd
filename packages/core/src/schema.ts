// Builds the schema: core types (one file each under schema/), then each plugin's additions.
import type { GraphQLSchema } from 'graphql';
import type { PrismaClient } from '@lip/db';
import { defaultAuthServices, type AuthServices } from './auth/services.ts';
import { createBuilder, type LipBuilder } from './builder.ts';
import { createHost, type CoreHost } from './host.ts';
import type { JobQueue } from './jobs/queue.ts';
import { checkPlugins, guardedBuilder, PluginError } from './plugin-host/host.ts';
import { createRefs } from './plugin-host/refs.ts';
import { checkPluginSchema, schemaShape } from './plugin-host/schema-checks.ts';
import type { LipPlugin } from './plugin-host/types.ts';
import { addAuthFields } from './schema/auth.ts';
import { addCommitmentType } from './schema/commitment.ts';
import { addCommitmentParts } from './schema/commitment-parts.ts';
import { addCommitmentSummary } from './schema/commitment-summary.ts';
import { addCommitmentPage } from './schema/commitment-page.ts';
import { addErrorTypes } from './schema/errors.ts';
import { addOrganisationType } from './schema/organisation.ts';
import { addPartnershipType } from './schema/partnership.ts';
import { addPeopleTypes } from './schema/people.ts';
import { addPlanType } from './schema/plan.ts';
import { addScalarsAndEnums } from './schema/scalars.ts';
import { createSectionRef, implementSection } from './schema/section.ts';
import { addSectionReadiness } from './schema/section-readiness.ts';
import { addStandardsTypes } from './schema/standards.ts';
import type { CoreTypeRefs } from './schema/type-refs.ts';
import type { Same } from './same-type.ts';
import { addWorkflowTypes, defineSignOffReminders } from './workflow/index.ts';
import { addCollaborationTypes } from './collaboration/index.ts';
import { addMetricsTypes, defineImportJobs } from './metrics/index.ts';
import { addSettingsTypes } from './settings/index.ts';
import { addIdentityTypes, createIdentity, type Identity } from './identity/index.ts';
import { addInvitationTypes } from './invitations/index.ts';
import { addPartnershipAdminTypes } from './partnerships/admin-schema.ts';
import { addTaskTypes } from './tasks/index.ts';
import { addOversightTypes } from './oversight/index.ts';
import { addFundingTypes } from './funding/index.ts';
import { addLiveTypes, createLiveBus, type LiveBus } from './live/index.ts';

/** Per-core services the schema's sign-in fields use. */
export interface SchemaServices {
  auth: AuthServices;
  identity: Identity;
  /** PUBLIC_URL's origin: links in mails use it (else the request's origin). */
  publicUrl?: string | null;
  /** The job queue the import jobs are defined on (and sent to). */
  jobs?: JobQueue;
  /** Live events and presence (default: in process, presence in the database). */
  live?: LiveBus;
}

function buildCoreTypes(
  builder: LipBuilder,
  host: CoreHost,
  { auth, identity }: SchemaServices,
): CoreTypeRefs {
  builder.queryType({});
  builder.mutationType({});
  const enums = addScalarsAndEnums(builder);
  const { ErrorInterface, CommitmentConflictErrorRef, SectionConflictErrorRef } =
    addErrorTypes(builder);
  const OrganisationRef = addOrganisationType(builder);
  const { UserRef, MemberRef } = addPeopleTypes(builder, enums, host.prisma);
  const { PartnershipRef } = addPartnershipType(builder, host);
  const { StandardAreaRef, StandardsFrameworkRef } = addStandardsTypes(builder, host);
  const SectionRef = createSectionRef(builder);
  const { PlanRef } = addPlanType(builder, host, enums, SectionRef);
  const { CommitmentRef } = addCommitmentType(
    builder,
    host,
    enums,
    SectionRef,
    StandardAreaRef,
    CommitmentConflictErrorRef,
  );
  addCommitmentParts(builder, host, { CommitmentRef, ErrorInterface });
  implementSection(builder, host, enums, SectionRef, PlanRef, SectionConflictErrorRef);
  addSectionReadiness(builder, host, SectionRef, StandardAreaRef);
  addCommitmentSummary(builder, host, enums, SectionRef, PlanRef);
  addCommitmentPage(builder, host, enums, SectionRef);
  const { SignInPayload } = addAuthFields(builder, host, { UserRef, ErrorInterface }, auth);
  const refs = {
    PlanRef,
    SectionRef,
    CommitmentRef,
    OrganisationRef,
    PartnershipRef,
    UserRef,
    MemberRef,
    StandardAreaRef,
    StandardsFrameworkRef,
    ErrorInterface,
    enums,
  };
  addIdentityTypes(builder, identity, refs, SignInPayload);
  // The declared refs are exactly what was built: plugins see no wider (less precise) types.
  const declaredAsBuilt: Same<typeof refs, CoreTypeRefs> = true;
  void declaredAsBuilt;
  return refs;
}

export function buildSchema(
  prisma: PrismaClient,
  plugins: readonly LipPlugin[],
  services?: SchemaServices,
): { schema: GraphQLSchema; host: CoreHost } {
  const auth = services?.auth ?? defaultAuthServices();
  const identity = services?.identity ?? createIdentity(prisma, {}, auth);
  const sections = checkPlugins(plugins);
  const host = createHost(
    prisma,
    sections,
    plugins,
    services?.publicUrl ?? null,
    services?.jobs ?? null,
  );
  if (services?.jobs) {
    defineImportJobs(services.jobs, host);
    defineSignOffReminders(services.jobs, host);
  }
  const builder = createBuilder(prisma);
  const types = buildCoreTypes(builder, host, { auth, identity });
  addWorkflowTypes(builder, host, types);
  addCollaborationTypes(builder, host, types);
  addMetricsTypes(builder, host, types);
  addSettingsTypes(builder, host, types);
  addInvitationTypes(
    builder,
    { prisma, mailer: identity.mailer, auth, publicUrl: services?.publicUrl ?? null },
    types,
  );
  addPartnershipAdminTypes(builder, host, types);
  addTaskTypes(builder, host, types);
  addOversightTypes(builder, host, types);
  addFundingTypes(builder, host, types);
  const live = services?.live ?? createLiveBus(prisma);
  host.publishPlanEvent = (event) => live.publishPlanEvent(event);
  addLiveTypes(builder, host, live, types);
  const typeOwners = new Map<string, string>();
  for (const plugin of plugins) {
    try {
      plugin.register?.(
        guardedBuilder(builder, plugin, typeOwners),
        createRefs(host, types, plugin.id),
      );
    } catch (error) {
      if (error instanceof PluginError) throw error;
      throw new PluginError(plugin, `register() failed: ${(error as Error).message}`);
    }
  }
  let schema: GraphQLSchema;
  try {
    schema = builder.toSchema();
  } catch (error) {
    if (error instanceof PluginError) throw error;
    const names = plugins.map((p) => p.id).join(', ') || 'none';
    throw new Error(
      `Building the GraphQL schema failed (plugins: ${names}): ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  if (plugins.length > 0) {
    coreShape ??= schemaShape(buildSchema(prisma, []).schema);
    checkPluginSchema(schema, coreShape, plugins);
  }
  return { schema, host };
}

/** The core's own types and fields (a schema with no plugins), computed once. */
let coreShape: Map<string, Set<string>> | undefined;
