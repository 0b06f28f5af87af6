/** The reference Cabinet API server as a library: build it, configure it, inject a clock or a sender. */
export { buildApp, bodyLimitBytes, version, type App, type AppDeps } from './app.js';
export { loadConfig, configDocs, ConfigError, repoRoot, type Config, type ConfigDoc, type Mode, type SecurityRules } from './config.js';
export { ManualClock, systemClock, type Clock } from './clock.js';
export { DevOutbox, type OutboxEntry } from './senders/dev-outbox.js';
export { WebhookSender } from './senders/webhook.js';
export type { CodeMessage, CodePurpose, CodeSender, NoticeMessage, NoticePurpose, OutgoingMessage } from './senders/sender.js';
export { DemoRegistry, registryRefusal, type RegistryAnswer, type RegistryChecker } from './profile/registry.js';
export type { PersonalData } from './profile/personal-data.js';
export { personalDataConsentVersion } from './consent/personal-data-consent.js';
export { demoCitizens, demoOperator, demoOperatorPassword, demoPassword, type DemoCitizen } from './db/seed.js';
