/** Why a termijn calculation was refused; lets callers map to HTTP 400/409 without parsing text. */
export type TermijnErrorCode =
  | 'ongeldige-datum'
  | 'ongeldige-duur'
  | 'buiten-kalenderbereik'
  | 'servicenorm-te-lang'
  | 'verdaging-dubbel'
  | 'verdaging-te-laat'
  | 'verdaging-te-lang'
  | 'opschorting-ongeldig';

/** A refused termijn calculation. The message is Dutch and addresses the user with "u". */
export class TermijnError extends Error {
  override readonly name = 'TermijnError';
  constructor(
    readonly code: TermijnErrorCode,
    message: string,
  ) {
    super(message);
  }
}
