/**
 * The bodies of the catalog's requests. The server validates them; the SDK only needs
 * their types, so they live apart from the answers' schemas and stay out of browser bundles.
 */
import * as z from 'zod/mini';
import { Availability, DeliveryMethod, ServiceLevel } from './primitives.js';

export const FilterPresetRequest = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  filters: z.strictObject({
    category: z.optional(z.string().check(z.maxLength(60))),
    level: z.optional(ServiceLevel),
    municipality: z.optional(z.string().check(z.maxLength(60))),
    delivery: z.optional(DeliveryMethod),
    maxTermDays: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(365))),
    availability: z.optional(Availability),
  }),
});
export type FilterPresetRequest = z.infer<typeof FilterPresetRequest>;
