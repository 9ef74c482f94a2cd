// The GraphQL names derived from a plugin id or section key, shared by the server (generated
// types), the UI (its documents) and the plugin generator. Browser-safe: no server code.
import { pascalCase } from '@lip/core/naming';

export { pascalCase };

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The GraphQL names generated for a section key (the UI builds its documents from the same). */
export function sectionNames(sectionKey: string) {
  const pascal = pascalCase(sectionKey);
  return {
    type: `${pascal}Section`,
    field: lowerFirst(pascal),
    input: `Update${pascal}SectionInput`,
    mutation: `update${pascal}Section`,
    success: `MutationUpdate${pascal}SectionSuccess`,
  };
}
