/** A calendar object we cannot read faithfully. The message is one line and names what and where. */
export class IcalParseError extends Error {
  constructor(
    readonly detail: string,
    readonly context: { readonly property?: string; readonly line?: number; readonly uid?: string } = {},
  ) {
    const where = [
      context.uid !== undefined ? `UID ${context.uid}` : undefined,
      context.property !== undefined ? `property ${context.property.toUpperCase()}` : undefined,
      context.line !== undefined ? `line ${context.line}` : undefined,
    ].filter((s) => s !== undefined);
    super(`${detail}${where.length > 0 ? ` (${where.join(', ')})` : ''}`.replace(/[\r\n]+/g, ' '));
    this.name = 'IcalParseError';
  }
}
