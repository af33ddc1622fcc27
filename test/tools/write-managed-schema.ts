// Regenerates public/managed-schema.json from lib/settings/managed.ts: `npx tsx test/tools/write-managed-schema.ts`
import { writeFileSync } from 'node:fs';
import { ManagedSettings } from '@/lib/settings/managed';
import { toPolicySchema } from '@/lib/settings/policySchema';

writeFileSync('public/managed-schema.json', `${JSON.stringify(toPolicySchema(ManagedSettings), null, 2)}\n`);
console.log('wrote public/managed-schema.json');
