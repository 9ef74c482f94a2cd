// The health (ICB) section: the ICB executive lead for SEND and the designated clinical or
// medical officer (DCO/DMO). Only the ICB's section editors and the partnership lead edit it
// (the section is owned by the integrated-care-board organisation type); everyone in the
// partnership reads it.
import { definePlugin } from '@lip/plugin-sdk';
import { healthFieldNames, healthInputSchema, toHealthFields, type HealthFields } from '../fields.ts';

export const HEALTH_SECTION_KEY = 'health';

export default definePlugin({
  id: 'health',
  name: 'Health (ICB)',
  version: '0.1.0',
  coreRange: '^0.1.0',
  sections: [
    {
      key: HEALTH_SECTION_KEY,
      title: 'Health',
      position: 20,
      ownerOrganisationTypes: ['integrated-care-board'],
    },
  ],
  permissions: [
    {
      id: 'health.section.edit',
      title: 'Edit the health section',
      description: "Section editors of the partnership's ICB, and the partnership lead.",
    },
  ],
  register(builder, refs) {
    const HealthSection = builder.objectRef<HealthFields>('HealthSection').implement({
      description: "The ICB's named leads for SEND.",
      fields: (t) => ({
        icbExecutiveLead: t.exposeString('icbExecutiveLead', { nullable: true, description: 'ICB executive lead for SEND.' }),
        icbExecutiveLeadRole: t.exposeString('icbExecutiveLeadRole', { nullable: true }),
        dcoName: t.exposeString('dcoName', { nullable: true, description: 'Designated clinical or medical officer (DCO/DMO).' }),
        dcoRole: t.exposeString('dcoRole', { nullable: true }),
        dcoEmail: t.exposeString('dcoEmail', { nullable: true }),
      }),
    });

    builder.objectField(refs.SectionRef, 'health', (t) =>
      t.field({
        type: HealthSection,
        nullable: true,
        description: `The health fields; null on sections other than "${HEALTH_SECTION_KEY}".`,
        resolve: (section) =>
          section.definition.key === HEALTH_SECTION_KEY ? toHealthFields(refs.readSectionData(section)) : null,
      }),
    );

    const UpdateHealthSectionInput = builder.inputType('UpdateHealthSectionInput', {
      description: 'An omitted field is unchanged; null or blank clears it.',
      // One schema for the whole input, so every field's problem is reported at once.
      validate: healthInputSchema,
      fields: (t) => ({
        planId: t.id({ required: true }),
        version: t.int({ required: true, description: "The section's version (0 if never written)." }),
        icbExecutiveLead: t.string(),
        icbExecutiveLeadRole: t.string(),
        dcoName: t.string(),
        dcoRole: t.string(),
        dcoEmail: t.string(),
      }),
    });

    builder.mutationField('updateHealthSection', (t) =>
      t.field({
        type: refs.SectionRef,
        errors: { types: refs.sectionWriteErrors },
        args: { input: t.arg({ type: UpdateHealthSectionInput, required: true }) },
        resolve: async (_root, { input }, ctx) => {
          // Omitted = unchanged (merge); blank or null clears a field.
          const next: Record<string, string | null> = {};
          for (const name of healthFieldNames) {
            const value = input[name];
            if (value !== undefined) next[name] = value === null || value.trim() === '' ? null : value.trim();
          }
          return refs.writeSectionData(ctx, {
            planId: String(input.planId),
            sectionKey: HEALTH_SECTION_KEY,
            version: input.version,
            data: next,
            merge: true,
          });
        },
      }),
    );
  },
});
