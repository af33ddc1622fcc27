import type { z } from '@/lib/zod';

/**
 * Chrome's managed-storage schema is a JSON Schema subset (every node has exactly one `type`;
 * no `null`, no `anyOf`; lists are `array` with `items`). This turns the ManagedSettings zod schema into that form so
 * public/managed-schema.json can be generated from, and checked against, the one source of truth.
 */
export type PolicySchema =
  | { type: 'object'; properties: Record<string, PolicySchema> }
  | { type: 'array'; items: PolicySchema }
  | { type: 'string'; enum?: string[] }
  | { type: 'number' }
  | { type: 'integer' }
  | { type: 'boolean' };

type AnyZod = z.ZodType & { def: { type: string } };

export function toPolicySchema(schema: z.ZodType): PolicySchema {
  const node = schema as AnyZod & Record<string, unknown>;
  switch (node.def.type) {
    case 'optional':
    case 'nullable':
      return toPolicySchema((node as unknown as { unwrap(): z.ZodType }).unwrap());
    case 'object': {
      const shape = (node as unknown as { shape: Record<string, z.ZodType> }).shape;
      return {
        type: 'object',
        properties: Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, toPolicySchema(v)])),
      };
    }
    case 'array':
      return { type: 'array', items: toPolicySchema((node as unknown as { element: z.ZodType }).element) };
    case 'enum':
      return { type: 'string', enum: [...(node as unknown as { options: string[] }).options] };
    case 'string':
      return { type: 'string' };
    case 'number':
      return (node as unknown as { isInt: boolean }).isInt ? { type: 'integer' } : { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    default:
      throw new Error(`No Chrome policy schema for zod type "${node.def.type}"`);
  }
}
