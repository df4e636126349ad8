import { ApiError, NetworkError } from './api.ts';

export type LoginField = 'username' | 'password';

export interface LoginFailure {
  /** One sentence for the error summary. */
  message: string;
  /** Per-field messages, shown next to the field and linked from the summary. */
  fieldErrors: Partial<Record<LoginField, string>>;
}

/** "1 minuut", "15 minuten", "2 uur": rounded up, so we never promise too early. */
export function formatWait(seconds: number): string {
  if (seconds < 60) {
    const s = Math.max(1, Math.ceil(seconds));
    return s === 1 ? '1 seconde' : `${s} seconden`;
  }
  if (seconds < 3600) {
    const m = Math.ceil(seconds / 60);
    return m === 1 ? '1 minuut' : `${m} minuten`;
  }
  const h = Math.ceil(seconds / 3600);
  return `${h} uur`;
}

/** Client-side check before we bother the server. */
export function validateLogin(username: string, password: string): LoginFailure | null {
  const fieldErrors: LoginFailure['fieldErrors'] = {};
  if (!username.trim()) fieldErrors.username = 'Vul uw gebruikersnaam in.';
  if (!password) fieldErrors.password = 'Vul uw wachtwoord in.';
  if (!fieldErrors.username && !fieldErrors.password) return null;
  return { message: 'Vul alle velden in om in te loggen.', fieldErrors };
}

/** Turns whatever the login call threw into Dutch text for the user. */
export function loginFailure(err: unknown): LoginFailure {
  if (err instanceof NetworkError) {
    return {
      message: 'Regie is op dit moment niet bereikbaar. Controleer uw internetverbinding en probeer het later opnieuw.',
      fieldErrors: {},
    };
  }
  if (!(err instanceof ApiError)) {
    return { message: 'Er ging iets mis. Probeer het later opnieuw.', fieldErrors: {} };
  }
  const wait = err.retryAfterSeconds;
  switch (err.status) {
    case 401:
      // Deliberately does not say which of the two was wrong.
      return {
        message: 'De gebruikersnaam of het wachtwoord is onjuist. Controleer uw gegevens en probeer het opnieuw.',
        fieldErrors: {},
      };
    case 423:
      return {
        message:
          'Uw account is tijdelijk geblokkeerd omdat er te vaak een verkeerd wachtwoord is ingevuld. ' +
          (wait !== undefined
            ? `U kunt over ${formatWait(wait)} opnieuw inloggen.`
            : (err.problem.detail ?? 'Probeer het later opnieuw.')),
        fieldErrors: {},
      };
    case 429:
      return {
        message:
          'Er zijn te veel inlogpogingen gedaan. ' +
          (wait !== undefined
            ? `Wacht ${formatWait(wait)} en probeer het dan opnieuw.`
            : (err.problem.detail ?? 'Wacht even en probeer het dan opnieuw.')),
        fieldErrors: {},
      };
    case 400: {
      const fieldErrors: LoginFailure['fieldErrors'] = {};
      const other: string[] = [];
      for (const e of err.problem.errors ?? []) {
        // The server may name the field as 'username', 'body.username' or '/username'.
        const field = e.field.replace(/^(body\.|\/)/, '');
        if (field === 'username' || field === 'password') fieldErrors[field] ??= e.message;
        else other.push(e.message);
      }
      return {
        message: other[0] ?? err.problem.detail ?? 'Controleer de gemarkeerde velden.',
        fieldErrors,
      };
    }
    default:
      return {
        message: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
        fieldErrors: {},
      };
  }
}
