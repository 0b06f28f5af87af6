import { expect } from '@open-wc/testing';
import {
  classifyIdentifier,
  formatSnils,
  isValidInn,
  isValidPassport,
  isValidPhone,
  isValidSnils,
  isValidUin,
  normalizePhone,
} from './validators.js';

describe('isValidSnils', () => {
  it('accepts a number whose checksum matches, formatted or bare', () => {
    expect(isValidSnils('112-233-445 95')).to.be.true;
    expect(isValidSnils('11223344595')).to.be.true;
  });
  it('refuses a wrong checksum, a wrong length, letters and zeros', () => {
    expect(isValidSnils('112-233-445 96')).to.be.false;
    expect(isValidSnils('112-233-445 9')).to.be.false;
    expect(isValidSnils('112-233-445 9a')).to.be.false;
    expect(isValidSnils('000-000-000 00')).to.be.false;
  });
  it('accepts early numbers issued before the checksum existed', () => {
    expect(isValidSnils('001-001-998 00')).to.be.true;
  });
  it('formats to XXX-XXX-XXX YY', () => {
    expect(formatSnils('11223344595')).to.equal('112-233-445 95');
    expect(formatSnils('11223344596')).to.be.undefined;
  });
});

describe('isValidInn', () => {
  it('checks both check digits of a person’s ИНН', () => {
    expect(isValidInn('500100732259')).to.be.true;
    expect(isValidInn('500100732258')).to.be.false;
    expect(isValidInn('500100732249')).to.be.false;
  });
  it('checks the check digit of an organisation’s ИНН', () => {
    expect(isValidInn('7707083893')).to.be.true;
    expect(isValidInn('7707083894')).to.be.false;
  });
  it('restricts the kind when asked', () => {
    expect(isValidInn('7707083893', 'person')).to.be.false;
    expect(isValidInn('500100732259', 'organisation')).to.be.false;
  });
  it('refuses other lengths and non-digits', () => {
    expect(isValidInn('12345')).to.be.false;
    expect(isValidInn('77070838ab')).to.be.false;
  });
});

describe('isValidPassport', () => {
  it('accepts series and number however they are spaced', () => {
    expect(isValidPassport('4510 123456')).to.be.true;
    expect(isValidPassport('45 10 123456')).to.be.true;
    expect(isValidPassport('4510123456')).to.be.true;
    expect(isValidPassport('4510 № 123456')).to.be.true;
  });
  it('refuses a wrong number of digits, letters and an all-zero number', () => {
    expect(isValidPassport('451 123456')).to.be.false;
    expect(isValidPassport('4510 12345')).to.be.false;
    expect(isValidPassport('45AB 123456')).to.be.false;
    expect(isValidPassport('4510 000000')).to.be.false;
  });
});

describe('isValidPhone', () => {
  it('accepts the usual ways of writing a Russian number and normalises them', () => {
    for (const phone of ['+7 (916) 123-45-67', '8 916 123 45 67', '79161234567', '9161234567']) {
      expect(normalizePhone(phone), phone).to.equal('+79161234567');
    }
  });
  it('refuses foreign codes, wrong lengths, letters and impossible area codes', () => {
    expect(isValidPhone('+1 916 123 45 67')).to.be.false;
    expect(isValidPhone('+7 916 123 45 6')).to.be.false;
    expect(isValidPhone('+7 916 ABC 45 67')).to.be.false;
    expect(isValidPhone('+7 016 123 45 67')).to.be.false;
  });
});

describe('isValidUin', () => {
  it('accepts 20 and 25 digits whose check digit matches', () => {
    expect(isValidUin('18810177200000000017')).to.be.true;
    expect(isValidUin('0355431010100000000001004')).to.be.true;
  });
  it('uses the shifted weights when the first remainder is 10', () => {
    expect(isValidUin('32200000000000000071')).to.be.true;
    expect(isValidUin('32200000000000000070')).to.be.false;
  });
  it('refuses a wrong check digit, other lengths and zeros', () => {
    expect(isValidUin('18810177200000000018')).to.be.false;
    expect(isValidUin('1881017720000000001')).to.be.false;
    expect(isValidUin('00000000000000000000')).to.be.false;
  });
});

describe('classifyIdentifier', () => {
  it('reads an e-mail, lower-cased', () => {
    expect(classifyIdentifier(' Ivanov@Example.RU ')).to.deep.equal([{ kind: 'email', value: 'ivanov@example.ru' }]);
  });
  it('reads a formatted СНИЛС as a СНИЛС only', () => {
    expect(classifyIdentifier('112-233-445 95')).to.deep.equal([{ kind: 'snils', value: '112-233-445 95' }]);
  });
  it('reads a +7 number as a phone only', () => {
    expect(classifyIdentifier('+7 900 000-00-01')).to.deep.equal([{ kind: 'phone', value: '+79000000001' }]);
  });
  it('gives both readings for eleven bare digits that are both', () => {
    // 8 916 123-45-20 is a phone number, and 891-612-345 20 a СНИЛС with a correct checksum.
    expect(classifyIdentifier('89161234520')).to.deep.equal([
      { kind: 'phone', value: '+79161234520' },
      { kind: 'snils', value: '891-612-345 20' },
    ]);
  });
  it('returns nothing for text that is none of them', () => {
    expect(classifyIdentifier('ivanov')).to.deep.equal([]);
    expect(classifyIdentifier('ivanov@')).to.deep.equal([]);
  });
});
