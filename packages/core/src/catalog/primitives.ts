/** The catalog's enumerations, shared by its answers and by the requests that filter it. */
import * as z from 'zod/mini';

/** Who provides a service. */
export const ServiceLevel = z.enum(['federal', 'regional', 'municipal']);
export type ServiceLevel = z.infer<typeof ServiceLevel>;

/** How a service is delivered: online in the cabinet, at an МФЦ office, or by mail. */
export const DeliveryMethod = z.enum(['online', 'office', 'mail']);
export type DeliveryMethod = z.infer<typeof DeliveryMethod>;

export const Availability = z.enum(['available', 'in_development', 'unavailable']);
export type Availability = z.infer<typeof Availability>;
