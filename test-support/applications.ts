/**
 * Applications for browser tests against the real server, through the SDK: a service
 * anyone signed in may apply for, and an application submitted to it.
 */
import type { Application, CabinetClient, Service } from '@mfc-cabinet/core';
import { completeValues } from './form-values.js';

let simple: Service | undefined;

/** A service anyone signed in may apply for online, without documents to attach. */
export async function simpleService(client: CabinetClient): Promise<Service> {
  if (simple) return simple;
  const page = await client.catalog.list({ availability: 'available' }, { limit: 100 });
  for (const summary of page.items) {
    if (summary.requiredLevel !== 'simplified') continue;
    const service = await client.catalog.get(summary.id);
    if (!service.form.steps.some((step) => step.fields.some((field) => field.type === 'documents' && field.required))) return (simple = service);
  }
  throw new Error('no simple service in the catalog');
}

/** An application to {@link simpleService}, filled in and submitted. */
export async function submitted(client: CabinetClient): Promise<Application> {
  const service = await simpleService(client);
  const draft = await client.applications.create(service.id);
  await client.applications.saveDraft(draft.id, completeValues(service.form));
  const result = await client.applications.submit(draft.id);
  if (result.status !== 'sent') throw new Error('not sent');
  return result.application;
}
