/**
 * Record validation against the JSON Schemas (2020-12) of {@code contracts/schemas/}: {@link
 * io.throughgate.record.schema.RecordSchemas} compiles every schema once and validates records, reporting each
 * violation by JSON pointer with a reason that never contains the submitted value; it also answers which fields a
 * record type has, for the agreement linter and the agreements' field matrix.
 */
package io.throughgate.record.schema;
