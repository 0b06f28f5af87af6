/**
 * A phone as people write it: `+79000000001` → `+7 900 000-00-01`; anything else as it is.
 * Kept with the profile, which alone shows whole phones, so that the shared formatters
 * every page loads do not carry it.
 */
export function formatPhone(phone: string): string {
  const match = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone.replace(/[\s()-]/g, ''));
  return match ? `+7 ${match[1]} ${match[2]}-${match[3]}-${match[4]}` : phone;
}
