// The JSON Schema of report.json, taken from the model's generator (generateReportSchema in
// @kommunrapport/model): this plugin publishes it, it never writes a schema of its own.
import { generateReportSchema, reportSchemaId, SCHEMA_VERSION, schemaText } from '@kommunrapport/model';

/** The published schema with its `$id`, its version and the text written to report.schema.json. */
export interface PublishedSchema {
  schema: Record<string, unknown>;
  id: string;
  version: string;
  text: string;
}

let published: PublishedSchema | undefined;

/**
 * The model's JSON Schema for the current model version: made once per process (2 ms a
 * report in a batch before), so every call returns the same object, not to be changed.
 */
export function reportSchema(): PublishedSchema {
  if (!published) {
    const schema = generateReportSchema(SCHEMA_VERSION);
    published = Object.freeze({ schema, id: reportSchemaId(SCHEMA_VERSION), version: SCHEMA_VERSION, text: schemaText(schema) });
  }
  return published;
}
