import { errorMessages } from '@mfc-cabinet/core';
import type { Translation } from './translation.js';

const plural = (count: number, one: string, other: string): string => (count === 1 ? one : other);

/** English. Loaded lazily, only by pages that ask for it. */
export const en: Translation = {
  locale: 'en',
  errors: errorMessages.en,
  accountLevel: {
    simplified: 'simplified',
    standard: 'standard',
    confirmed: 'confirmed',
  },

  loginHeading: 'Sign in to your account',
  identifierLabel: 'Phone, e-mail or SNILS',
  identifierHint: 'For example +7 900 123-45-67, ivanov@mail.ru or 123-456-789 01',
  identifierRequired: 'Enter your phone, e-mail or SNILS',
  identifierInvalid: 'Check the phone number, e-mail or SNILS: it has a mistake',
  passwordLabel: 'Password',
  passwordRequired: 'Enter your password',
  showPassword: 'Show password',
  hidePassword: 'Hide password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  checkingSession: 'Checking whether you are signed in…',
  attemptsLeft: (count) => `${count} ${plural(count, 'attempt', 'attempts')} left before sign-in is temporarily locked.`,
  lockedHeading: 'Sign-in is temporarily locked',
  lockedFor: (duration) =>
    `Too many failed attempts. Try again in ${duration}. If you forgot your password, reset it.`,
  lockedOver: 'You can try to sign in again.',

  codeHeading: 'Confirm it is you',
  codeSent: (channel, destination) =>
    channel === 'sms' ? `We sent a code by text message to ${destination}.` : `We sent a code to ${destination}.`,
  codeLabel: 'Confirmation code',
  codeHint: '6 digits',
  codeRequired: 'Enter the 6-digit code',
  codeInvalid: (attemptsLeft) => `Wrong code. ${attemptsLeft} ${plural(attemptsLeft, 'attempt', 'attempts')} left.`,
  confirm: 'Confirm',
  confirming: 'Checking the code…',
  resendIn: (duration) => `You can get a new code in ${duration}`,
  resendCode: 'Get a new code',
  resendingCode: 'Sending the code…',
  codeResent: 'A new code has been sent.',
  changeLogin: 'Change login or password',
  startOver: 'Start signing in again',

  accountHeading: 'Your account',
  signedInAs: (name) => `Signed in as ${name}`,
  accountLevelLabel: 'Account',
  signOut: 'Sign out',
  signingOut: 'Signing out…',
  signedOutOtherTab: 'You signed out in another tab.',
  sessionExpired: 'Your session ended after a period of inactivity. Please sign in again.',
  retry: 'Try again',
  errorHeading: 'Something went wrong',
};
