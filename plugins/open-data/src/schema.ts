// The JSON Schema of report.json, taken from the model's generator (toJsonSchema in
// @kommunrapport/model): this plugin publishes it, it never writes a schema of its own.
import * as model from '@kommunrapport/model';

/** The published schema with its `$id` and the version the `$id` names. */
export interface PublishedSchema {
  schema: Record<string, unknown>;
  id: string;
  version: string;
}

/** The model's JSON Schema, its `$id` and its semver version (read from the `$id`). */
export function reportSchema(): PublishedSchema {
  const generate = (model as unknown as { toJsonSchema?: () => Record<string, unknown> }).toJsonSchema;
  if (typeof generate !== 'function') throw new Error('open-data: @kommunrapport/model does not export toJsonSchema(); the schema generator is needed to publish report.schema.json.');
  const schema = generate();
  const id = schema.$id;
  if (typeof id !== 'string') throw new Error('open-data: the generated JSON Schema has no $id.');
  const version = /(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)/.exec(id)?.[1];
  if (!version) throw new Error(`open-data: the schema $id "${id}" does not name a version (x.y.z).`);
  return { schema, id, version };
}
