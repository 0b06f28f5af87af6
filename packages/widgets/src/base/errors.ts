import { CabinetError, isCabinetError } from '@mfc-cabinet/core';

/** Failures after which what is saved on the device is the answer. */
const offlineCodes: ReadonlySet<string> = new Set(['network', 'timeout', 'server_unavailable']);

/** `error` as a `CabinetError`: itself, or an `internal` one caused by it. */
export const asCabinetError = (error: unknown): CabinetError => (isCabinetError(error) ? error : new CabinetError('internal', { cause: error }));

/** Whether `error` says the server could not be reached (rather than that it refused). */
export const isOffline = (error: unknown): boolean => isCabinetError(error) && offlineCodes.has(error.code);
