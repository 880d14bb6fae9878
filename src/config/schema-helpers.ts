/** Zod building blocks for environment variables (all values arrive as strings). */
import { z } from 'zod';

export const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no', '']).transform((v) => v === 'true' || v === '1' || v === 'yes');
export const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
export const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));
export const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
export const num = (min: number, max: number) => z.coerce.number().min(min).max(max);
