/**
 * Passwords people choose most often, and that attackers therefore try first: number
 * runs, keyboard walks (also on the Russian layout), «password» in its disguises, common
 * words and names in Latin and Cyrillic letters, Russian words typed on the Latin layout
 * («gfhjkm» is «пароль»), and years. Lower case; a password is compared without its case
 * and without the digits and punctuation people add at its ends («Qwerty123!»).
 *
 * The reference server refuses them as `password_common`; the list is small (about 2.5 KB
 * gzipped) and a page only loads it when it imports {@link isCommonPassword}.
 */
import { passwordProblems, type PasswordProblem } from '../passwords.js';

const listed = [
  '123456', '1234567', '12345678', '123456789', '1234567890', '0123456789', '12345', '1234', '123123',
  '123321', '1231234', '12341234', '123456a', '123456q', '1234qwer', 'qwer1234', '111111', '1111111',
  '11111111', '000000', '00000000', '222222', '333333', '444444', '555555', '666666', '777777', '7777777',
  '888888', '88888888', '999999', '121212', '112233', '112211', '123654', '147258', '147258369', '159357',
  '159753', '159951', '654321', '7654321', '87654321', '987654321', '9876543210', '246810', '13579', '135790',
  '100500', 'azerty', 'qwerty', 'qwertz', 'qwert', 'qwerty1', 'qwertyu', 'qwertyui', 'qwertyuiop',
  'qwertyuiop[]', 'qwer', 'qwe123', 'qwe123qwe', '123qwe', '123qweasd', '123qweasdzxc', 'qweasd', 'qweasdzxc',
  'qweasdzxc123', 'qazwsx', 'qazwsxedc', 'qazxsw', 'qaz123', '1qaz2wsx', '1qaz2wsx3edc', '1qazxsw2',
  'zaq12wsx', 'zaq1zaq1', 'zaq1xsw2', 'zaq1@wsx', '!qaz2wsx', '!qaz@wsx', '1q2w3e', '1q2w3e4r', '1q2w3e4r5t',
  '1q2w3e4r5t6y', 'q1w2e3r4', 'q1w2e3r4t5', 'q1w2e3', '1qw23e', 'asdf', 'asdfgh', 'asdfghjk', 'asdfghjkl',
  'asdfasdf', 'asd123', 'asdzxc', 'zxcvbn', 'zxcvbnm', 'zxcvbnm123', 'zxc123', 'zxcasdqwe', 'mnbvcxz',
  'poiuytrewq', 'lkjhgfdsa', 'abc123', 'abcd1234', 'abcdef', 'abcdefg', 'abcdefgh', 'aa123456', 'a123456',
  'a12345678', '1a2b3c', 'aaaaaa', 'aaaaaaaa', 'password', 'passw0rd', 'p@ssword', 'p@ssw0rd', 'pa$$word',
  'pa55word', 'password1', 'password12', 'password123', 'passwd', 'pass', 'pass123', 'pass1234', 'mypassword',
  'secret', 'secret123', 'letmein', 'welcome', 'welcome1', 'hello', 'hello123', 'helloworld', 'admin',
  'admin123', 'admin1234', 'administrator', 'root', 'toor', 'user', 'guest', 'test', 'test123', 'tester',
  'testing', 'login', 'default', 'changeme', 'master', 'monkey', 'dragon', 'shadow', 'sunshine', 'princess',
  'football', 'baseball', 'soccer', 'hockey', 'superman', 'batman', 'spiderman', 'iloveyou', 'trustno1',
  'starwars', 'whatever', 'freedom', 'computer', 'internet', 'michael', 'jennifer', 'hunter', 'ranger',
  'buster', 'killer', 'charlie', 'andrew', 'thomas', 'jordan', 'harley', 'pepper', 'ginger', 'cookie',
  'summer', 'winter', 'spring', 'autumn', 'flower', 'lovely', 'love', 'loveme', 'angel', 'angels', 'beautiful',
  'blessed', 'cheese', 'chocolate', 'banana', 'orange', 'purple', 'silver', 'golden', 'diamond', 'matrix',
  'mustang', 'ferrari', 'porsche', 'mercedes', 'corvette', 'yankees', 'liverpool', 'chelsea', 'arsenal',
  'barcelona', 'juventus', 'samsung', 'nokia', 'apple', 'google', 'yandex', 'facebook', 'vkontakte',
  'odnoklassniki', 'mail', 'gmail', 'office', 'qazwsx123', 'solo', 'nothing', 'access', 'flower123', 'family',
  'friends', 'forever', 'happy', 'junior', 'maggie', 'jessica', 'ashley', 'nicole', 'daniel', 'robert',
  'william', 'joshua', 'anthony', 'matthew', 'natasha', 'maksim', 'maxim', 'aleksandr', 'alexander',
  'alexandr', 'aleksey', 'alexey', 'sergey', 'andrey', 'dmitriy', 'dmitry', 'dima', 'sasha', 'masha', 'olga',
  'irina', 'elena', 'lena', 'marina', 'tatiana', 'tanya', 'svetlana', 'sveta', 'anastasia', 'nastya',
  'ekaterina', 'katya', 'vladimir', 'vova', 'pavel', 'nikita', 'ivan', 'artem', 'roman', 'denis', 'igor',
  'oleg', 'yulia', 'anna', 'natalia', 'russia', 'rossiya', 'moscow', 'moskva', 'spartak', 'zenit', 'lokomotiv',
  'cska', 'dinamo', 'kotik', 'zayka', 'solnyshko', 'lubov', 'privet', 'parol', 'gfhjkm', 'ghbdtn', 'k.,jdm',
  'yfnfif', 'vfrcbv', 'cjkysirj', 'rjnbr', 'pfqrf', 'vfif', 'ktyf', 'lbvf', 'cfif', 'qwerty12345', 'йцукен',
  'йцукенг', 'йцукенгшщз', 'йцукенгшщзхъ', 'фыва', 'фывапр', 'фывапрол', 'фывапролд', 'фывапролджэ', 'ячсмит',
  'ячсмить', 'ячсмитьбю', 'йфяцыч', 'йфяцычувс', 'пароль', 'парольпароль', 'мойпароль', 'привет', 'любовь',
  'люблютебя', 'солнышко', 'солнце', 'котик', 'котёнок', 'котенок', 'зайка', 'зайчик', 'рыбка', 'ангел',
  'ангелина', 'кошка', 'собака', 'машина', 'наташа', 'наталья', 'максим', 'александр', 'саша', 'сергей',
  'андрей', 'дмитрий', 'дима', 'алексей', 'владимир', 'вова', 'иван', 'николай', 'павел', 'екатерина', 'катя',
  'анастасия', 'настя', 'марина', 'ольга', 'светлана', 'татьяна', 'ирина', 'елена', 'лена', 'мария', 'маша',
  'юлия', 'анна', 'россия', 'москва', 'спартак', 'зенит', 'цска', 'динамо', 'локомотив', 'админ',
  'администратор', 'вход', 'доступ', 'секрет', 'счастье', 'мама', 'папа', 'семья', 'родина', 'кабинет',
  'госуслуги', 'мфц', 'личныйкабинет', 'пользователь', 'qwerty123', 'qwerty1234', 'qwerty12', 'qwertyqwerty',
  '1qaz1qaz', '1234abcd', '12qwaszx', '12qw34er', '12345qwert', '123abc', 'abc12345',
];

/** Years, alone or as the stem of «1990!», from the birth years of living citizens to the near future. */
const years = Array.from({ length: 2035 - 1940 }, (_, index) => String(1940 + index));

export const commonPasswords: ReadonlySet<string> = new Set([...listed, ...years]);

const trailingNoise = /[\p{Nd}\p{P}\p{S}\s]+$/u;
const leadingNoise = /^[\p{Nd}\p{P}\p{S}\s]+/u;

/** Whether `password` is a common one, in any case and with digits or punctuation added at its ends. */
export function isCommonPassword(password: string): boolean {
  const lower = password.normalize('NFC').toLowerCase().trim();
  const stem = lower.replace(trailingNoise, '');
  return [lower, stem, stem.replace(leadingNoise, '')].some((variant) => variant !== '' && commonPasswords.has(variant));
}

/**
 * The problems of a new password that need no account's history: the rules of
 * {@link passwordProblems} (`checkPassword`), then `password_common`. The server adds
 * `password_reused` for one of the account's recent passwords.
 */
export function passwordRuleProblems(password: string, logins: readonly string[] = []): PasswordProblem[] {
  const problems = passwordProblems(password, logins);
  if (isCommonPassword(password)) problems.push('password_common');
  return problems;
}
