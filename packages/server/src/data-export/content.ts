/**
 * What the data export holds: everything the cabinet keeps of the citizen that the citizen
 * may see — the profile, the applications with their histories, the documents of the
 * vault — read through the features' own services, so it is what their routes answer.
 */
import type { Application, Profile, VaultDocument } from '@mfc-cabinet/core/schemas';
import type { Account } from '../accounts/accounts.js';
import { toProfile } from '../accounts/accounts.js';
import type { Applications } from '../applications/applications.js';
import { pdfContent, russianDate, type PdfAccount } from '../applications/export-pdf.js';
import type { DocumentVault } from '../documents/vault.js';

/** The JSON export, version 1. */
export interface DataExport {
  format: 'mfc-cabinet-data-export';
  version: 1;
  exportedAt: string;
  profile: Profile;
  applications: Application[];
  documents: VaultDocument[];
}

export interface DataExportSources {
  applications: Applications;
  documents: DocumentVault;
}

/** The citizen's data as of now. */
export async function readDataExport(account: Account, { applications, documents }: DataExportSources, now: number): Promise<DataExport> {
  const [list, vault] = await Promise.all([applications.all(account.id), documents.list(account.id)]);
  return {
    format: 'mfc-cabinet-data-export',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    profile: toProfile(account),
    applications: list,
    documents: vault.documents,
  };
}

const levelNames: Record<Profile['level'], string> = {
  simplified: 'упрощённая',
  standard: 'стандартная',
  confirmed: 'подтверждённая',
};


/** What the PDF of the citizen's data shows: the export with its facts in words. */
export function accountPdfContent({ profile, applications, documents }: DataExport): PdfAccount {
  const name = [profile.lastName, profile.firstName, profile.middleName].filter(Boolean).join(' ') || '—';
  const passport = profile.passport;
  const facts: Array<[string, string | null | undefined]> = [
    ['Дата рождения', profile.birthDate && russianDate(profile.birthDate)],
    ['Телефон', profile.phone],
    ['Электронная почта', profile.email],
    ['СНИЛС', profile.snils],
    ['ИНН', profile.inn],
    [
      'Паспорт',
      passport &&
        [`${passport.series} ${passport.number}`, passport.issuedAt && `выдан ${russianDate(passport.issuedAt)}`, passport.issuedBy].filter(Boolean).join(', '),
    ],
    ['Адрес регистрации', profile.registrationAddress],
    ['Учётная запись', levelNames[profile.level]],
    ['В кабинете с', russianDate(profile.createdAt)],
  ];
  const titles = new Map(applications.map((application) => [application.id, application.trackingNumber ?? application.serviceTitle]));
  return {
    name,
    facts: facts.filter((fact): fact is [string, string] => Boolean(fact[1])),
    documents: documents.map((document) => ({
      name: document.name,
      kind: document.kind,
      size: document.size,
      createdAt: document.createdAt,
      where: document.issuedBy
        ? `выдан МФЦ к ${titles.get(document.applicationId ?? '') ?? 'заявлению'}`
        : document.attachedTo.length > 0
          ? `приложен к ${document.attachedTo.map((id) => titles.get(id) ?? 'заявлению').join(', ')}`
          : 'в ваших документах',
    })),
    applications: pdfContent(applications),
  };
}
