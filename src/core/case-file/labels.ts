/** The format's labels live in the domain kernel (src/core/domain/labels.ts); this path re-exports them. */
export * from '../domain/labels';
