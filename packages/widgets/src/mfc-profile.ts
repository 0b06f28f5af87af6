// The sessions are one of the profile's sections; the password recovery loads after «Это был не я».
import './mfc-security.js';
import { MfcProfileClosure } from './profile/closure.js';
import { MfcProfileContacts } from './profile/contacts.js';
import { MfcProfileHistory } from './profile/history.js';
import { MfcProfileLevel } from './profile/level.js';
import { MfcProfilePassword } from './profile/password.js';
import { MfcProfilePersonal } from './profile/personal-data.js';
import { MfcProfile } from './profile/profile.js';
import { MfcProfileSecondFactor } from './profile/second-factor.js';
import { MfcProfileSignIns } from './profile/sign-ins.js';

export { MfcProfile, MfcProfileClosure, MfcProfileContacts, MfcProfileHistory, MfcProfileLevel, MfcProfilePassword, MfcProfilePersonal, MfcProfileSecondFactor, MfcProfileSignIns };

// The sections first: the profile renders them as soon as it is defined.
MfcProfilePersonal.define('mfc-profile-personal');
MfcProfileContacts.define('mfc-profile-contacts');
MfcProfileLevel.define('mfc-profile-level');
MfcProfilePassword.define('mfc-profile-password');
MfcProfileSecondFactor.define('mfc-profile-second-factor');
MfcProfileSignIns.define('mfc-profile-sign-ins');
MfcProfileHistory.define('mfc-profile-history');
MfcProfileClosure.define('mfc-profile-closure');
MfcProfile.define('mfc-profile');

declare global {
  interface HTMLElementTagNameMap {
    'mfc-profile': MfcProfile;
    'mfc-profile-personal': MfcProfilePersonal;
    'mfc-profile-contacts': MfcProfileContacts;
    'mfc-profile-level': MfcProfileLevel;
    'mfc-profile-password': MfcProfilePassword;
    'mfc-profile-second-factor': MfcProfileSecondFactor;
    'mfc-profile-sign-ins': MfcProfileSignIns;
    'mfc-profile-history': MfcProfileHistory;
    'mfc-profile-closure': MfcProfileClosure;
  }
}
