/**
 * Records: the typed messages partners exchange through the hub. Every record has the same envelope (record id,
 * type, schema version, sender, time, subject, body) and a type-specific body fixed by a JSON Schema in
 * {@code contracts/schemas/}. Subpackages hold the identifier rules ({@code identifier}) and the validator
 * ({@code schema}).
 */
package io.throughgate.record;
