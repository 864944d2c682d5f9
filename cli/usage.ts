/** A wrong invocation: printed as "Gebruik: …" with exit code 2. */
export class CliUsageError extends Error {}
