/** RFC 9457 problem details with Dutch text; thrown by handlers and middleware, rendered by errorHandler. */
export interface FieldError {
  field: string;
  message: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
  }

  toJSON() {
    return {
      type: 'about:blank',
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export const problems = {
  validation: (errors: FieldError[]) =>
    new HttpProblem(400, 'Ongeldige invoer', 'Niet alle gegevens zijn juist ingevuld.', errors),
  badJson: () => new HttpProblem(400, 'Ongeldige invoer', 'De verzonden gegevens zijn geen geldige JSON.'),
  tooLarge: () => new HttpProblem(413, 'Te veel gegevens', 'De verzonden gegevens zijn te groot.'),
  unauthenticated: () => new HttpProblem(401, 'Niet ingelogd', 'U bent niet (meer) ingelogd. Log opnieuw in.'),
  forbidden: () => new HttpProblem(403, 'Geen toegang', 'U heeft geen toegang tot deze functie.'),
  csrf: () =>
    new HttpProblem(403, 'Verzoek geweigerd', 'Het beveiligingstoken ontbreekt of klopt niet. Vernieuw de pagina en probeer het opnieuw.'),
  // 404 also for another tenant's resource: existence is not revealed.
  notFound: () => new HttpProblem(404, 'Niet gevonden', 'De gevraagde gegevens bestaan niet of u heeft er geen toegang toe.'),
  conflict: (detail: string, errors?: FieldError[]) => new HttpProblem(409, 'Conflict', detail, errors),
  internal: () => new HttpProblem(500, 'Interne fout', 'Er ging iets mis aan onze kant. Probeer het later opnieuw.'),
};
