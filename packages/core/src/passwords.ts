/**
 * The rules a new password must meet: 8–128 characters, upper and lower case,
 * a digit, a special character, and not the login. The server also refuses common
 * passwords and the last five of the account; those need its data, so they are not here.
 */

export const passwordMinLength = 8;
export const passwordMaxLength = 128;

/** The rules a citizen can check while typing, in the order a checklist shows them. */
export const passwordRules = ['length', 'lowercase', 'uppercase', 'digit', 'special', 'not_login'] as const;
export type PasswordRule = (typeof passwordRules)[number];

/** Field-error codes for a refused password: one per rule, plus the server's own two. */
export type PasswordProblem =
  | 'password_length'
  | 'password_lowercase'
  | 'password_uppercase'
  | 'password_digit'
  | 'password_special'
  | 'password_not_login'
  | 'password_common'
  | 'password_reused';

/**
 * Which rules `password` meets. `logins` are the citizen's phone, e-mail or СНИЛС: the
 * password must not contain any of them (nor the e-mail's name part, nor the phone's digits).
 *
 * @example
 * checkPassword('Zarechny-2026', ['+79001234567']) // every rule true
 */
export function checkPassword(password: string, logins: readonly string[] = []): Record<PasswordRule, boolean> {
  const length = [...password].length;
  const lower = password.toLowerCase();
  const passwordDigits = password.replace(/\D/g, '');
  const loginParts = logins.flatMap((login) => {
    const trimmed = login.trim().toLowerCase();
    const digits = trimmed.replace(/\D/g, '');
    return [trimmed, trimmed.split('@')[0] ?? '', digits.slice(-10)].filter((part) => part.length >= 4);
  });
  const containsLogin = loginParts.some(
    (part) => lower.includes(part) || (/^\d+$/.test(part) && passwordDigits.includes(part)),
  );
  return {
    length: length >= passwordMinLength && length <= passwordMaxLength,
    lowercase: /\p{Ll}/u.test(password),
    uppercase: /\p{Lu}/u.test(password),
    digit: /\p{Nd}/u.test(password),
    special: /[^\p{L}\p{Nd}\s]/u.test(password),
    not_login: !containsLogin,
  };
}

/** The problems of a password by the rules above, as field-error codes; empty when it is fine. */
export function passwordProblems(password: string, logins: readonly string[] = []): PasswordProblem[] {
  const result = checkPassword(password, logins);
  return passwordRules.filter((rule) => !result[rule]).map((rule) => `password_${rule}` as PasswordProblem);
}
