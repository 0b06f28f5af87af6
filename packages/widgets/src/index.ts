/**
 * Class-only modules: importing this file registers no tag. Import
 * `@mfc-cabinet/widgets/mfc-login-form.js` (or the other `mfc-*.js` entries) to register
 * an element, or `mfc-cabinet.js` from the CDN folder for all of them.
 */
export { MfcCabinet } from './cabinet/cabinet.js';
export { MfcLoginForm } from './login-form/login-form.js';
export { MfcRegistrationForm } from './registration-form/registration-form.js';
export { MfcPasswordRecovery } from './password-recovery/password-recovery.js';
export { MfcSecurity } from './security/security.js';
export { MfcIdentityConfirmation } from './security/identity-confirmation.js';
export { MfcProfile } from './profile/profile.js';
export { MfcServiceCatalog, type MfcServiceSelectDetail } from './service-catalog/service-catalog.js';
export { MfcDocumentUploader, type MfcUploadCompleteDetail } from './document-uploader/document-uploader.js';
export { MfcApplicationTracker, type MfcApplicationOpenDetail } from './application-tracker/application-tracker.js';
export { MfcApplicationForm, type MfcApplicationSubmitDetail } from './application-form/application-form.js';
export { MfcHeaderItems, headerItems, type HeaderItemContribution } from './features/header-items.js';
export {
  cabinetRoutes,
  defineRoute,
  type CabinetRoute,
  type CabinetRouteContribution,
  type CabinetRouteContext,
  type CabinetRouteParams,
  type Routing,
} from './cabinet/cabinet-route.js';
// The parameters of the views the features list contributes (`apply`, `application`).
import type {} from './features/application-routes.js';
export { homeSections, type HomeSectionContribution } from './cabinet/home-sections.js';
export { ExtensionPoint, renderOnChange, type Contribution } from './base/extension-point.js';
export { MfcElement } from './base/mfc-element.js';
export { clientContext, localeContext } from './base/context.js';
export type { MfcEventMap, MfcErrorDetail, MfcLoginDetail, MfcLogoutDetail, MfcNavigateDetail } from './base/events.js';
export { registerTranslation, loadTranslation, locales } from './i18n/registry.js';
export type { Translation, TranslationOverrides } from './i18n/translation.js';
