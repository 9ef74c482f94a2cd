// GraphQL for the public index of published plans and the publications behind its feed and
// sitemap. No sign-in: only public versions are ever listed. See docs/api-workflow.md.
import type { LipBuilder } from '../../builder.ts';
import type { CoreHost } from '../../host.ts';
import { encodeGlobalId } from '../../ids.ts';
import {
  MAX_PAGE_SIZE,
  MAX_SEARCH_LENGTH,
  publishedPlans,
  recentPublications,
  type PublicationEntry,
  type PublishedPlanPage,
} from '../public-index.ts';

export function addPublicIndexTypes(builder: LipBuilder, host: CoreHost): void {
  const PublicationRef = builder.objectRef<PublicationEntry>('Publication').implement({
    description: 'A published (or superseded) version of a plan, as the public index lists it.',
    fields: (t) => ({
      id: t.id({ resolve: (p) => encodeGlobalId('PlanVersion', p.versionId) }),
      partnershipSlug: t.exposeString('partnershipSlug'),
      partnershipName: t.exposeString('partnershipName'),
      region: t.exposeString('region', { nullable: true }),
      localAuthorityCodes: t.exposeStringList('localAuthorityCodes'),
      planSlug: t.exposeString('planSlug'),
      title: t.exposeString('title', {
        description: 'The plan’s title as this version published it.',
      }),
      version: t.exposeInt('version'),
      superseded: t.boolean({
        description: 'A newer version has been published since.',
        resolve: (p) => p.state === 'SUPERSEDED',
      }),
      publishedAt: t.field({ type: 'DateTime', resolve: (p) => p.publishedAt }),
      path: t.exposeString('path', {
        description: 'This version’s public address, e.g. /published/northshire/2026-29/1.',
      }),
      planPath: t.exposeString('planPath', {
        description: 'The plan’s public address, showing the version published now.',
      }),
    }),
  });

  const PageRef = builder.objectRef<PublishedPlanPage>('PublishedPlanPage').implement({
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount', { description: 'All plans matching, on every page.' }),
      entries: t.field({ type: [PublicationRef], resolve: (page) => page.entries }),
    }),
  });

  builder.queryFields((t) => ({
    publishedPlans: t.field({
      type: PageRef,
      description:
        'Public: every plan with a published version, by partnership name; the version published now of each. ' +
        'No sign-in. Drafts and versions in review are never listed.',
      args: {
        search: t.arg.string({
          description: `A local authority’s name or code, a partnership’s or a plan’s title (at most ${MAX_SEARCH_LENGTH} characters).`,
        }),
        first: t.arg.int({ description: `Page size, 1 to ${MAX_PAGE_SIZE} (default 20).` }),
        offset: t.arg.int({ description: 'Plans to skip (default 0).' }),
      },
      resolve: (_root, args) => publishedPlans(host, args),
    }),
    recentPublications: t.field({
      type: [PublicationRef],
      description:
        'Public: every publication, newest first (superseded versions included), for feeds. No sign-in.',
      args: {
        first: t.arg.int({ description: `How many, 1 to ${MAX_PAGE_SIZE} (default 50).` }),
      },
      resolve: (_root, args) => recentPublications(host, args),
    }),
  }));
}
