/**
 * What a query typed in Latin letters may mean in Russian: the same keys on the ЙЦУКЕН
 * layout («cghfdrf» → «справка»), or Russian words transliterated («spravka», «dohodah»).
 * Part of the search chunk.
 */

/** Whether the text has Latin letters, so it may mean something else. */
export const hasLatin = (text: string): boolean => /[a-z]/i.test(text);

const qwerty = "qwertyuiop[]asdfghjkl;'zxcvbnm,./`{}:\"<>~";
const йцукен = 'йцукенгшщзхъфывапролджэячсмитьбю.ёхъжэбюё';
const layout = new Map([...qwerty].map((key, i) => [key, йцукен[i]!]));

/**
 * The words that have Latin letters, as the same keys give on the Russian layout; punctuation
 * on those keys (`[ ] ; ' , . \``) becomes the letters it stands for. Other words are kept.
 */
export function switchLayout(query: string): string {
  return query.replace(/\S*[a-z]\S*/gi, (word) => [...word.toLowerCase()].map((key) => layout.get(key) ?? key).join(''));
}

const vowels = new Set('aeiouy');
const letters: Record<string, string | string[]> = {
  a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', e: 'е', z: 'з', i: 'и', j: 'й', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о',
  p: 'п', r: 'р', s: 'с', t: 'т', u: 'у', f: 'ф', h: 'х', w: 'в', q: 'к', c: ['ц', 'к'], x: ['х', 'кс'],
  shch: 'щ', shh: 'щ', sch: ['щ', 'сч'], zh: 'ж', kh: ['х', 'кх'], ch: 'ч', sh: 'ш', cz: 'ц', ts: ['ц', 'тс'],
  "y'": 'ы', "e'": 'э', "''": 'ъ', "'": 'ь', '`': 'ь',
};
/** The vowel that «y», «j» or «i» before it makes iotated: «ya» → «я». */
const iotated: Record<string, string> = { a: 'я', u: 'ю', e: 'е', o: 'ё' };
const plain: Record<string, string> = { a: 'а', u: 'у', e: 'е', o: 'о' };
const longest = 4;
/** Most spellings of one word tried; the first one is the likeliest. */
const maxVariants = 12;

/**
 * The Cyrillic spellings a run of Latin letters may stand for, likeliest first: GOST 7.79
 * (`x`, `shh`, `cz`, `y'`) and the everyday schemes (`kh`/`h`, `ts`, `shch`, `yu`/`iu`/`ju`,
 * `ya`/`ia`/`ja`, `yo`; `y` is «ы» after a consonant and «й» after a vowel).
 */
export function transliterations(run: string): string[] {
  let variants = [''];
  const word = run.toLowerCase();
  for (let at = 0; at < word.length; ) {
    const before = at === 0 ? undefined : word[at - 1]!;
    const afterVowel = before === undefined || vowels.has(before);
    const [length, choices] = spelling(word, at, afterVowel);
    at += length;
    variants = variants.flatMap((start) => choices.map((choice) => start + choice)).slice(0, maxVariants);
  }
  return variants;
}

function spelling(word: string, at: number, afterVowel: boolean): [number, string[]] {
  const letter = word[at]!;
  const next = word[at + 1];
  const vowel = next === undefined ? undefined : iotated[next];
  if ((letter === 'y' || letter === 'j') && vowel) {
    // «ya» begins a word or follows a vowel as «я» (or «йа» as in «район»); after a consonant it is «ья» or «ыа».
    if (afterVowel) return [2, [vowel, `й${plain[next!]}`]];
    return [2, letter === 'y' ? [`ь${vowel}`, `ы${plain[next!]}`, vowel] : [`ь${vowel}`, vowel]];
  }
  if (letter === 'i' && (next === 'a' || next === 'u')) {
    // ICAO's «ia»/«iu» for «я»/«ю», and the everyday «ia» for «ия».
    const [iota, i] = [iotated[next]!, `и${plain[next]}`];
    return afterVowel ? [2, [iota, i]] : [2, [`и${iota}`, iota, i]];
  }
  if (letter === 'y' && next !== "'") return [1, afterVowel && at > 0 ? ['й'] : ['ы']];
  for (let length = Math.min(longest, word.length - at); length > 0; length--) {
    const found = letters[word.slice(at, at + length)];
    if (found !== undefined) return [length, typeof found === 'string' ? [found] : found];
  }
  return [1, [letter]];
}

/**
 * The query with each run of Latin letters replaced by the spelling `choose` picks among its
 * transliterations (told whether the run ends the query, where it may be a word being typed).
 */
export function transliterate(query: string, choose: (spellings: string[], last: boolean) => string): string {
  return query.replace(/[a-z][a-z'`]*/gi, (run, at: number) => choose(transliterations(run), at + run.length === query.length));
}
