import type { Application, CabinetClient, CabinetError, FormField, FormValue, FormValues } from '@mfc-cabinet/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { asCabinetError } from '../base/errors.js';
import { fieldError, isEmptyValue } from '../base/form-field.js';
import type { SaveState } from './form-views.js';

/** Milliseconds after the last change before the draft is saved. */
const saveDelay = 1000;

/** What a {@link DraftController} works with; read when needed, so they may change. */
export interface DraftControllerOptions {
  client: () => CabinetClient;
  /** The service of the form (a draft is made for it). */
  serviceId: () => string | undefined;
  /** The field of the form with this id. */
  field: (id: string) => FormField | undefined;
  /** The application was submitted: nothing is saved any more. */
  closed: () => boolean;
  /** What the page asks before it is left with changes not yet saved. */
  leaveWarning: () => string;
  /** A draft could not be made or saved (the save status shows it). */
  onSaveFailed: (error: CabinetError) => void;
}

/**
 * The draft of the application form and its values: made once the citizen starts (with the
 * fields the profile fills), saved a second after each change, and kept on the device by
 * the SDK without a connection. While changes are not yet saved the page warns before it
 * is left; leaving within the page saves them at once.
 */
export class DraftController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: DraftControllerOptions;
  /** The draft being filled; `undefined` until the citizen starts. */
  application?: Application;
  values: FormValues = {};
  state: SaveState = 'idle';
  error?: CabinetError;
  #timer?: ReturnType<typeof setTimeout>;
  /** Changes not yet handed to the SDK. */
  #dirty = false;
  #saving?: Promise<void>;
  #creating?: Promise<Application | undefined>;
  /** What the profile filled in on a new form, before any draft: shown as taken from the profile. */
  #fromProfile: FormValues = {};

  readonly #onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!this.unsaved) return;
    event.preventDefault();
    event.returnValue = this.#options.leaveWarning();
  };

  constructor(host: ReactiveControllerHost, options: DraftControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Changes are not yet saved (or being saved): leaving the page now would lose them. */
  get unsaved(): boolean {
    return this.#dirty || this.#saving !== undefined || this.#creating !== undefined;
  }

  /** Changes are waiting to be handed to the SDK. */
  get dirty(): boolean {
    return this.#dirty;
  }

  hostConnected(): void {
    window.addEventListener('beforeunload', this.#onBeforeUnload);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeunload', this.#onBeforeUnload);
    // Leaving within the page (another view): what was typed is saved now rather than lost.
    if (this.#dirty) void this.save();
  }

  /**
   * Starts over with `draft` (its values), or with none and what the profile fills in
   * (`fromProfile`, shown at once and saved only once the citizen starts): nothing waiting
   * to be saved.
   */
  reset(draft: Application | undefined, fromProfile: FormValues = {}): void {
    clearTimeout(this.#timer);
    this.#dirty = false;
    this.application = draft;
    this.#fromProfile = draft ? {} : fromProfile;
    this.values = { ...(draft ? draft.values : fromProfile) };
    this.state = draft ? 'saved' : 'idle';
    this.#host.requestUpdate();
  }

  /** Whether field `id` shows what the profile filled in, unchanged. */
  fromProfile(id: string): boolean {
    return this.#fromProfile[id] !== undefined && this.values[id] === this.#fromProfile[id];
  }

  /** A field changed: the draft is made if there is none yet, and saved a moment later. */
  set(id: string, value: FormValue): void {
    this.values = { ...this.values, [id]: value };
    this.changed();
  }

  /** Something changed (or the citizen continues): the draft is made now and saved a moment later. */
  changed(): void {
    this.#dirty = true;
    if (this.state !== 'failed') this.state = 'unsaved';
    void this.ensure();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.save(), saveDelay);
    this.#host.requestUpdate();
  }

  /** Nothing is left to save (the application was submitted). */
  done(): void {
    clearTimeout(this.#timer);
    this.#dirty = false;
  }

  /** The citizen continues: the draft is made now, as typing does, and saved with the next step. */
  begin(): Promise<Application | undefined> {
    this.#dirty = true;
    return this.ensure();
  }

  /** The draft, made now (with the fields the profile fills) when there is none yet. */
  ensure(): Promise<Application | undefined> {
    if (this.application) return Promise.resolve(this.application);
    const serviceId = this.#options.serviceId();
    if (!serviceId) return Promise.resolve(undefined);
    this.#creating ??= this.#options
      .client()
      .applications.create(serviceId)
      .then(
        (draft) => {
          // What the citizen typed meanwhile wins over what the profile fills.
          const typed = Object.fromEntries(Object.entries(this.values).filter(([, value]) => !isEmptyValue(value)));
          this.values = { ...draft.values, ...typed };
          this.application = draft;
          this.#dirty = true;
          return draft;
        },
        (error: unknown) => {
          this.#failed(error);
          return undefined;
        },
      )
      .finally(() => {
        this.#creating = undefined;
        this.#host.requestUpdate();
      });
    return this.#creating;
  }

  /** Saves the draft now, after any save under way. */
  async save(): Promise<void> {
    clearTimeout(this.#timer);
    while (this.#saving) await this.#saving;
    if (!this.#dirty) return;
    const saving = this.#saveNow();
    this.#saving = saving;
    try {
      await saving;
    } finally {
      if (this.#saving === saving) this.#saving = undefined;
    }
  }

  async #saveNow(): Promise<void> {
    const client = this.#options.client();
    const draft = await this.ensure();
    if (!draft || this.#options.closed()) return;
    this.#dirty = false;
    this.state = 'saving';
    this.#host.requestUpdate();
    try {
      const result = await client.applications.saveDraft(draft.id, this.#savable());
      this.error = undefined;
      this.state = this.#dirty ? 'unsaved' : result.status === 'queued' ? 'queued' : 'saved';
    } catch (error) {
      this.#dirty = true;
      this.#failed(error);
    }
    this.#host.requestUpdate();
  }

  /** The values the server will accept in a draft: those filled in and right (a wrong СНИЛС waits until corrected). */
  #savable(): FormValues {
    const values: FormValues = {};
    for (const [id, value] of Object.entries(this.values)) {
      const field = this.#options.field(id);
      if (field && !fieldError(field, value, true)) values[id] = value;
    }
    return values;
  }

  #failed(error: unknown): void {
    const failure = asCabinetError(error);
    this.error = failure;
    this.state = 'failed';
    this.#options.onSaveFailed(failure);
  }
}
