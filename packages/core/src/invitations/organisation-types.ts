// Query.organisationTypes, for the administrator's "Create a partnership" form.
// MERGE NOTE: helper/org declares the same query and type (partnerships/admin-schema.ts) with the
// same shape; when both are merged, keep theirs and delete this file and its call in schema.ts.
import type { LipBuilder } from '../builder.ts';
import type { InvitationServices } from './issue.ts';

export function addOrganisationTypes(builder: LipBuilder, services: InvitationServices): void {
  builder.prismaObject('OrganisationType', {
    description: 'A kind of organisation (council education, ICB, parent carer forum…).',
    fields: (t) => ({ code: t.exposeString('code'), title: t.exposeString('title') }),
  });
  builder.queryFields((t) => ({
    organisationTypes: t.prismaField({
      type: ['OrganisationType'],
      description: 'Every type of organisation, by title.',
      resolve: (query) =>
        services.prisma.organisationType.findMany({ ...query, orderBy: { title: 'asc' } }),
    }),
  }));
}
