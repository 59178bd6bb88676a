/** A Graph event (or a model item bound for Graph) that cannot be converted faithfully. */
export class GraphConversionError extends Error {
  constructor(
    message: string,
    /** Graph event id, or the model uid when converting towards Graph. */
    readonly eventId: string | undefined,
    /** The Graph property (or model field) at fault. */
    readonly property: string,
    options?: ErrorOptions,
  ) {
    super(`${message} (event ${eventId ?? '<no id>'}, property ${property})`, options);
    this.name = 'GraphConversionError';
  }
}
