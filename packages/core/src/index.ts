export { createCabinetClient, type CabinetClient, type CabinetClientOptions } from './client.js';
export { AuthClient, type AuthListener, type AuthState, type IdleListener, type SignInResult, type SignedOutReason } from './auth.js';
export type { ProfileClient } from './profile.js';
export type { CatalogClient, CatalogPageOptions, SearchIndexListener } from './catalog.js';
export type { CatalogSearchOptions, CatalogSearchResult } from './catalog-search.js';
export type { CacheKind } from './cache/public-db.js';
export type {
  Availability,
  CatalogFilters,
  CatalogPersonal,
  Category,
  CategoryList,
  DeliveryMethod,
  FilterPreset,
  FilterPresetRequest,
  FormDefinition,
  FormField,
  FormStep,
  Municipality,
  SearchIndex,
  Service,
  ServiceLevel,
  ServicePage,
  ServiceSummary,
} from './catalog-schemas.js';
export type { RequestOptions } from './http.js';
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
export type {
  AccountLevel,
  LoginRequest,
  LoginResponse,
  OtpChallenge,
  OtpChannel,
  Profile,
  Session,
  SessionUser,
  VerifyCodeRequest,
  ResendCodeRequest,
  RegistrationRequest,
  RegistrationCompleted,
  PersonalDataConsent,
  PersonalDataRequest,
  RecoveryRequest,
  RecoveryChallenge,
  RecoveryVerified,
  NewPasswordRequest,
  RegistryCheck,
  Role,
  SessionInfo,
  IdentityConfirmation,
  TemporaryPasswordChangeRequest,
} from './schemas.js';
export { sessionIdleHeader } from './schemas.js';
export type {
  ApplicationFilters,
  ApplicationPageOptions,
  ApplicationsClient,
  QueuedWrite,
  WatchInfo,
  WatchOptions,
  WriteFailure,
  WriteKind,
  WriteResult,
} from './applications.js';
export type {
  Application,
  ApplicationPage,
  ApplicationStatus,
  ApplicationSummary,
  ApplicationTransition,
  FieldValue,
  RequestedInfo,
  TransitionActor,
} from './application-schemas.js';
export type { FormValue, FormValues } from './forms.js';
export type {
  DocumentsClient,
  PendingUpload,
  ResumeOptions,
  UploadOptions,
  UploadProgress,
  UploadRetry,
  VaultDocument,
} from './documents.js';
export type { FileKind, FileLimits } from './file-signatures.js';
