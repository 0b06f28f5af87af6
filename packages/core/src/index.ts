export { createCabinetClient, type CabinetClient, type CabinetClientOptions, type SubClients } from './client.js';
// Every feature's public types (client interfaces, the contract's types), from the one list.
export type * from './features.js';
export { AuthClient } from './auth/client.js';
export type { CacheKind } from './cache/public-db.js';
export type { RequestOptions } from './http.js';
export type * from './primitives.js';
export {
  CabinetError,
  isCabinetError,
  errorCodes,
  type CabinetErrorCode,
  type CabinetErrorInit,
  type FieldError,
} from './errors.js';
export { applicationStatusNamesRu, errorMessagesRu, loadErrorMessages, type ErrorMessages, type Locale } from './messages.js';
export {
  isValidSnils,
  isValidInn,
  isValidPassport,
  isValidPhone,
  isValidUin,
  formatSnils,
  normalizePhone,
  classifyIdentifier,
  type IdentifierKind,
} from './validators.js';
export {
  checkPassword,
  passwordProblems,
  passwordRules,
  passwordMinLength,
  passwordMaxLength,
  type PasswordRule,
  type PasswordProblem,
} from './passwords.js';
export { backgroundHeader, sessionIdleHeader } from './auth/schemas.js';
export { authPolicy, type AuthPolicy } from './auth/policy.js';
// What only the server and the stories' fake need — the list of common passwords (2.5 KB),
// the server's field, consent and password messages, problem statuses and types — is in
// `@mfc-cabinet/core/schemas`, not here, so that no browser page carries it.
export type { FormValue, FormValues } from './forms.js';
export type { FileKind, FileLimits } from './file-signatures.js';
