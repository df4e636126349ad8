/** A form file that Regie refuses to load or deploy; the message is Dutch and names the component. */
export class FormSchemaError extends Error {
  override readonly name = 'FormSchemaError';
  constructor(
    message: string,
    /** The offending component's key (or id) when there is one. */
    readonly componentKey?: string,
  ) {
    super(message);
  }
}
