// Validates JSON samples against audit-event.v1.schema.json with ajv (JSON Schema draft 2020-12).
//
// Usage: node schema/validate.mjs [--schema <schema file>] <file-or-folder> [...]
// --schema validates against another schema instead, e.g. the draft-04 model the HTTP API derives
// from this one (a schema whose $schema is draft-04 is compiled with ajv's draft-04 class).
// Prints one JSON line per sample: {"name": <path relative to the argument>, "valid": bool, "errors": [...]}.
// A folder is searched recursively for *.json files, in ordinal name order. A sample that is not
// JSON is reported as invalid with a "not JSON" error, since no schema can accept it.
// Exit code: 0 when every sample was read and checked (whatever the verdicts), 2 on a usage error.

import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";

const publishedSchemaPath = join(dirname(fileURLToPath(import.meta.url)), "audit-event.v1.schema.json");
const draft04 = "http://json-schema.org/draft-04/schema#";

function compileSchema(schemaPath) {
  const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
  // strictRequired is off: the schema's then/else name properties declared by the parent object.
  const options = { allErrors: true, strictSchema: true, strictNumbers: true, strictTypes: false, strictRequired: false };
  const ajv = schema.$schema === draft04 ? new AjvDraft04(options) : new Ajv2020(options);
  addFormats(ajv);
  return ajv.compile(schema);
}

function samplesUnder(path) {
  if (!statSync(path).isDirectory()) {
    return [path];
  }

  return readdirSync(path)
    .sort()
    .flatMap((entry) => {
      const child = join(path, entry);
      if (statSync(child).isDirectory()) {
        return samplesUnder(child);
      }

      return entry.endsWith(".json") ? [child] : [];
    });
}

function check(validate, file) {
  let text = readFileSync(file, "utf8");
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
  }

  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { valid: false, errors: [`not JSON: ${error.message}`] };
  }

  const valid = validate(value);
  const errors = valid ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`);
  return { valid, errors };
}

let roots = process.argv.slice(2);
let schemaPath = publishedSchemaPath;
if (roots[0] === "--schema") {
  schemaPath = roots[1];
  roots = roots.slice(2);
}

if (roots.length === 0 || !schemaPath) {
  process.stderr.write("usage: node schema/validate.mjs [--schema <schema file>] <file-or-folder> [...]\n");
  process.exit(2);
}

const validate = compileSchema(schemaPath);
for (const root of roots) {
  const base = statSync(root).isDirectory() ? root : dirname(root);
  for (const file of samplesUnder(root)) {
    const name = relative(base, file).split(sep).join("/");
    process.stdout.write(`${JSON.stringify({ name, ...check(validate, file) })}\n`);
  }
}
