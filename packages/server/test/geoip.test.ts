import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { SessionList, SignInPage } from '@mfc-cabinet/core/schemas';
import { ConfigError } from '../src/config.js';
import { csvFields, loadGeoLiteCityCsv } from '../src/http/geoip.js';
import { placeOf } from '../src/http/ip-address.js';
import { signIn, startServer } from './helpers.js';

const folders: string[] = [];
after(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const locationsHeader = 'geoname_id,locale_code,continent_code,continent_name,country_iso_code,country_name,subdivision_1_iso_code,subdivision_1_name,subdivision_2_iso_code,subdivision_2_name,city_name,metro_code,time_zone,is_in_european_union';
const blocksHeader = 'network,geoname_id,registered_country_geoname_id,represented_country_geoname_id,is_anonymous_proxy,is_satellite_provider,postal_code,latitude,longitude,accuracy_radius';

/** A folder of tiny GeoLite2-City CSV files; `overrides` replaces (or with `null` leaves out) a file. */
function geoFolder(overrides: Record<string, string | null> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'mfc-geoip-test-'));
  folders.push(dir);
  const files: Record<string, string | null> = {
    'GeoLite2-City-Locations-ru.csv': [
      locationsHeader,
      '498817,ru,EU,Европа,RU,Россия,SPE,Санкт-Петербург,,,Санкт-Петербург,,Europe/Moscow,0',
      '524901,ru,EU,Европа,RU,Россия,MOW,Москва,,,Москва,,Europe/Moscow,0',
      '4140963,ru,NA,"Северная Америка",US,США,DC,"Округ Колумбия",,,"Вашингтон, округ Колумбия",511,America/New_York,0',
      '2017370,ru,EU,Европа,RU,Россия,,,,,,,,0',
      '5000001,ru,EU,Европа,RU,Россия,,,,,,,Europe/Moscow,0',
    ].join('\n'),
    'GeoLite2-City-Locations-en.csv': [
      locationsHeader,
      '498817,en,EU,Europe,RU,Russia,SPE,"St.-Petersburg",,,"Saint Petersburg",,Europe/Moscow,0',
      '524901,en,EU,Europe,RU,Russia,MOW,Moscow,,,Moscow,,Europe/Moscow,0',
      '4140963,en,NA,"North America",US,"United States",DC,"District of Columbia",,,"Washington, D.C.",511,America/New_York,0',
      '5000001,en,EU,Europe,RU,Russia,,,,,Zarechny,,Europe/Moscow,0',
    ].join('\r\n'),
    // Not sorted, on purpose: the reader sorts what does not come sorted.
    'GeoLite2-City-Blocks-IPv4.csv': [
      blocksHeader,
      '8.8.8.0/24,4140963,6252001,,0,0,,37.751,-97.822,1000',
      '2.60.0.0/14,498817,2017370,,0,0,190000,59.9,30.3,50',
      '5.8.0.0/16,524901,2017370,,0,0,,55.75,37.61,20',
      '185.1.0.0/24,,2017370,,0,0,,,,',
      '198.51.100.0/24,5000001,2017370,,0,0,,,,',
    ].join('\n') + '\n',
    'GeoLite2-City-Blocks-IPv6.csv': [blocksHeader, '2a02:6b8::/32,524901,2017370,,0,0,,55.75,37.61,100'].join('\n'),
    ...overrides,
  };
  for (const [name, text] of Object.entries(files)) if (text !== null) writeFileSync(join(dir, name), text);
  return dir;
}

describe('the GeoIP city of an address, from GeoLite2-City CSV files', () => {
  test('finds the city of IPv4 and IPv6 addresses, in the language asked, falling back to the other', () => {
    const geo = loadGeoLiteCityCsv(geoFolder());
    assert.equal(geo.cityOf('2.61.5.6', 'ru'), 'Санкт-Петербург');
    assert.equal(geo.cityOf('2.63.255.255', 'en'), 'Saint Petersburg', 'the last address of a /14');
    assert.equal(geo.cityOf('2.64.0.0', 'ru'), null, 'just past it');
    assert.equal(geo.cityOf('2.59.255.255', 'ru'), null, 'just before it');
    assert.equal(geo.cityOf('::ffff:5.8.1.1', 'ru'), 'Москва', 'IPv4 written as IPv6');
    assert.equal(geo.cityOf('8.8.8.8', 'ru'), 'Вашингтон, округ Колумбия', 'a quoted name with a comma');
    assert.equal(geo.cityOf('8.8.8.8', 'en'), 'Washington, D.C.');
    assert.equal(geo.cityOf('198.51.100.1', 'ru'), 'Zarechny', 'no Russian name: the English one');
    assert.equal(geo.cityOf('185.1.0.1', 'ru'), null, 'a network placed in no city');
    assert.equal(geo.cityOf('2a02:6b8:0:1::5', 'en'), 'Moscow');
    assert.equal(geo.cityOf('2a03::1', 'en'), null);
    assert.equal(geo.cityOf('1.1.1.1', 'ru'), null);
    assert.equal(geo.cityOf('not an address', 'ru'), null);
  });

  test('one locations file is enough, and the IPv6 blocks are optional', () => {
    const geo = loadGeoLiteCityCsv(geoFolder({ 'GeoLite2-City-Locations-ru.csv': null, 'GeoLite2-City-Blocks-IPv6.csv': null }));
    assert.equal(geo.cityOf('5.8.0.1', 'ru'), 'Moscow');
    assert.equal(geo.cityOf('2a02:6b8::1', 'ru'), null);
  });

  test('the columns are found by the header row, in any order', () => {
    const dir = geoFolder({ 'GeoLite2-City-Blocks-IPv4.csv': 'geoname_id,postal_code,network\n524901,,5.8.0.0/16\n' });
    assert.equal(loadGeoLiteCityCsv(dir).cityOf('5.8.9.9', 'ru'), 'Москва');
  });

  test('a folder without the files, or a malformed file, is a ConfigError that says which and where', () => {
    const refused = (dir: string, message: RegExp) =>
      assert.throws(() => loadGeoLiteCityCsv(dir), (error: unknown) => error instanceof ConfigError && message.test(error.message) && /GEOIP_CITY_CSV/.test(error.message));
    refused(geoFolder({ 'GeoLite2-City-Blocks-IPv4.csv': null }), /GeoLite2-City-Blocks-IPv4\.csv/);
    refused(geoFolder({ 'GeoLite2-City-Locations-ru.csv': null, 'GeoLite2-City-Locations-en.csv': null }), /Locations-ru\.csv nor .*Locations-en\.csv/);
    refused(geoFolder({ 'GeoLite2-City-Blocks-IPv4.csv': 'start,geoname_id\n1.0.0.0,1\n' }), /Blocks-IPv4\.csv .*no column "network"/);
    refused(geoFolder({ 'GeoLite2-City-Blocks-IPv4.csv': `${blocksHeader}\n5.8.0.0/16,524901\n5.8.0/16,524901\n` }), /line 3: "5\.8\.0\/16" is not an IPv4 network/);
    refused(geoFolder({ 'GeoLite2-City-Blocks-IPv4.csv': `${blocksHeader}\n5.8.0.0/33,524901\n` }), /line 2/);
    refused(geoFolder({ 'GeoLite2-City-Blocks-IPv6.csv': `${blocksHeader}\n2a02:6b8::/32,abc\n` }), /Blocks-IPv6\.csv .*line 2: geoname_id "abc"/);
    refused(geoFolder({ 'GeoLite2-City-Locations-en.csv': `${locationsHeader}\n524901,en,"Europe\n` }), /Locations-en\.csv .*line 2: a quoted field is not closed/);
    refused(geoFolder({ 'GeoLite2-City-Locations-ru.csv': '' }), /Locations-ru\.csv .*empty/);
  });

  test('CSV fields: plain, quoted, with doubled quotes and empty ones', () => {
    assert.deepEqual(csvFields('a,,b,'), ['a', '', 'b', '']);
    assert.deepEqual(csvFields('"a, b","say ""hi""",c'), ['a, b', 'say "hi"', 'c']);
    assert.throws(() => csvFields('"a"b'), /comma/);
  });

  test('placeOf: the local network first, then the city, else null', () => {
    const geo = loadGeoLiteCityCsv(geoFolder());
    assert.equal(placeOf('127.0.0.1', 'ru', geo), 'Локальная сеть');
    assert.equal(placeOf('5.8.0.1', 'en', geo), 'Moscow');
    assert.equal(placeOf('5.8.0.1', 'en'), null, 'no GeoIP database');
    assert.equal(placeOf('5.8.0.1', 'en', null), null);
    assert.equal(placeOf(null, 'ru', geo), null);
  });
});

describe('GEOIP_CITY_CSV', () => {
  test('a folder that does not exist, or lacks the files, stops the start with a clear message', async () => {
    await assert.rejects(startServer({ GEOIP_CITY_CSV: join(tmpdir(), 'no-such-geoip-folder') }), (error: unknown) => error instanceof ConfigError && /GEOIP_CITY_CSV: no such folder/.test(error.message));
    const empty = geoFolder({ 'GeoLite2-City-Blocks-IPv4.csv': null });
    await assert.rejects(startServer({ GEOIP_CITY_CSV: empty }), (error: unknown) => error instanceof ConfigError && /has no GeoLite2-City-Blocks-IPv4\.csv/.test(error.message));
  });

  test('sessions and the sign-in history show the city of their address', async () => {
    const server = await startServer({ GEOIP_CITY_CSV: geoFolder() });
    try {
      const account = await server.createAccount();
      const petersburg = server.browser({ remoteAddress: '2.61.5.6' });
      await signIn(petersburg, account);
      const moscow = server.browser({ remoteAddress: '5.8.0.9' });
      await signIn(moscow, account);
      const sessions = SessionList.parse((await moscow.get('/api/v1/auth/sessions', { 'accept-language': 'en' })).json()).sessions;
      assert.deepEqual(
        sessions.map(({ place, ip }) => ({ place, ip })),
        [
          { place: 'Moscow', ip: '5.8.0.*' },
          { place: 'Saint Petersburg', ip: '2.61.5.*' },
        ],
      );
      await server.browser({ remoteAddress: '127.0.0.1' }).login(account.phone, 'Wrong-password-1');
      await server.browser({ remoteAddress: '1.1.1.1' }).login(account.phone, 'Wrong-password-1');
      const { signIns } = SignInPage.parse((await moscow.get('/api/v1/profile/sign-ins')).json());
      assert.deepEqual(
        signIns.map(({ outcome, place, current }) => ({ outcome, place, current })),
        [
          { outcome: 'wrong_password', place: null, current: false },
          { outcome: 'wrong_password', place: 'Локальная сеть', current: false },
          { outcome: 'signed_in', place: 'Москва', current: true },
          { outcome: 'signed_in', place: 'Санкт-Петербург', current: false },
        ],
      );
    } finally {
      await server.close();
    }
  });
});
