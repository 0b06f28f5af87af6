import type { Feature } from '../feature.js';
import { AuthClient } from './client.js';

/** Signing in is on every page: its code is not lazy. */
export const auth: Feature<AuthClient> = ({ http }) => new AuthClient(http, http.scoped('mfc-cabinet:auth:'));
