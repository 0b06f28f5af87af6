import { CabinetError, type Application, type AuthState, type CabinetClient, type FormStep, type Service } from '@mfc-cabinet/core';
import { autofillValues, formFields, validateValues, type FormValues } from '@mfc-cabinet/core/forms';

/** What the form is made of: the service, the draft being continued, if any, and what the profile fills in. */
export interface LoadedForm {
  service: Service;
  draft: Application | undefined;
  /** Without a draft: the values the profile fills in (the server fills the same into the draft). */
  fromProfile: FormValues;
}

/** What the form loads from: the client, `service-id`, `application-id`, who is signed in. */
export type LoadArgs = readonly [client: CabinetClient, serviceId: string | undefined, applicationId: string | undefined, auth: AuthState['status'], accountId: string | undefined];

const untilAborted = (signal: AbortSignal): Promise<never> =>
  new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new CabinetError('aborted')), { once: true }));

/**
 * The service and the draft to continue: the one `application-id` names, else the citizen's
 * latest draft of the service (none when nobody is signed in or the service is closed).
 */
export async function loadForm([client, serviceId, applicationId, auth, accountId]: LoadArgs, { signal }: { signal: AbortSignal }): Promise<LoadedForm | undefined> {
  if (!serviceId) return undefined;
  // The draft to continue depends on who is signed in: wait until that is known.
  if (auth === 'unknown') return untilAborted(signal);
  const service = await client.catalog.get(serviceId, { signal });
  let draft: Application | undefined;
  if (accountId && service.availability === 'available') {
    if (applicationId) draft = await client.applications.get(applicationId, { signal });
    else {
      const [latest] = (await client.applications.list({ serviceId, status: 'draft' }, { limit: 1, signal })).items;
      if (latest) draft = await client.applications.get(latest.id, { signal });
    }
  }
  // A new form shows at once what the profile fills in (read only when a field takes from it);
  // without the profile, it starts empty.
  const fills = !draft && formFields(service.form).some((field) => field.autofill);
  const profile = accountId && fills ? await client.profile.get({ signal }).catch(() => undefined) : undefined;
  return { service, draft, fromProfile: profile ? autofillValues(service.form, profile) : {} };
}

/** The index of the step that has a field (the first step if none has). */
export function stepOf(steps: readonly FormStep[], id: string): number {
  const index = steps.findIndex((step) => step.fields.some((field) => field.id === id));
  return index < 0 ? 0 : index;
}

/** The step a draft goes on at: the first with a field still missing or wrong, else the review. */
export function resumeStep(service: Service, draft: Application): number {
  const [first] = validateValues(service.form, draft.values);
  return first ? stepOf(service.form.steps, first.field) : service.form.steps.length;
}
