/** Russian phrases the server builds into the messages a citizen reads. */

/** A wait of `seconds`, rounded up: «45 с», «15 мин», «2 ч 30 мин». */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} с`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} мин`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} ч` : `${hours} ч ${rest} мин`;
}

/**
 * `n` and the word in the genitive after «не больше»: «не больше 1 документа», «не больше
 * 20 документов», «не больше 21 документа».
 */
export function countOf(n: number, one: string, many: string): string {
  return `${n} ${n % 10 === 1 && n % 100 !== 11 ? one : many}`;
}
