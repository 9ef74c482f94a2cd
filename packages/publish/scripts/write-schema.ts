// Writes schema/publication.schema.json from publicationJsonSchema (src/json.ts); a test fails
// when the checked-in file and the exported object differ. Run: pnpm --filter @lip/publish schema:write
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { publicationJsonSchemaText } from '../src/json.ts';

const target = fileURLToPath(new URL('../schema/publication.schema.json', import.meta.url));
writeFileSync(target, publicationJsonSchemaText());
console.log(`Wrote ${target}`);
