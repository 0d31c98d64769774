#!/usr/bin/env node
// Lints Cypher statements with Neo4j's own Cypher 5 parser and semantic analyser
// (npm @neo4j-cypher/language-support), so the Neo4j dialect is checked without a server.
//
// stdin:  [{"name": "UPSERT_ARTICLES", "query": "UNWIND $rows AS row ...",
//           "parameters": {"rows": [], "id": ""}}, ...]
//         "parameters" maps each $name the query may use to an example value (optional).
// stdout: [{"name", "severity": "error"|"warning", "message", "line", "column", "query"}, ...]
//         line and column are 1-based, counted inside that statement's query text.
// exit:   0 when linting ran, whatever it found (the caller decides what fails);
//         2 with a message on stderr when the input is not what is described above;
//         1 on an unexpected internal failure.
//
// Procedures and functions are checked against Neo4j 5's own list: the package ships a dump of
// a Neo4j 5 server's procedures and functions (testData.mockSchema); plugin entries (APOC, GDS,
// CDC) are dropped, so only what a plain Neo4j 5 server provides is accepted, and a misspelt or
// FalkorDB-only name (db.idx.fulltext.queryNodes) is an error.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// The CommonJS build: this version's ESM build has extension-less imports Node cannot load.
const require = createRequire(import.meta.url);
const { lintCypherQuery, parserWrapper, testData } = require('@neo4j-cypher/language-support');

const CYPHER_VERSION = 'CYPHER 5';
const PLUGIN_PREFIXES = ['apoc.', 'gds.', 'cdc.'];

// The procedures this project calls, with their Neo4j 5 signatures. They are merged over the
// package's list, so the check still covers them should a later package stop shipping it.
const PROJECT_PROCEDURES = [
  procedure(
    'db.index.fulltext.queryNodes',
    'READ',
    [arg('indexName', 'STRING'), arg('queryString', 'STRING'), arg('options', 'MAP', '{}')],
    [col('node', 'NODE'), col('score', 'FLOAT')],
  ),
  procedure(
    'db.index.fulltext.queryRelationships',
    'READ',
    [arg('indexName', 'STRING'), arg('queryString', 'STRING'), arg('options', 'MAP', '{}')],
    [col('relationship', 'RELATIONSHIP'), col('score', 'FLOAT')],
  ),
  procedure('db.labels', 'READ', [], [col('label', 'STRING')]),
  procedure('db.relationshipTypes', 'READ', [], [col('relationshipType', 'STRING')]),
  procedure('db.propertyKeys', 'READ', [], [col('propertyKey', 'STRING')]),
  procedure('db.awaitIndexes', 'READ', [arg('timeOutSeconds', 'INTEGER', '300')], []),
  procedure('db.ping', 'READ', [], [col('success', 'BOOLEAN')]),
  procedure(
    'dbms.components',
    'DBMS',
    [],
    [col('name', 'STRING'), col('versions', 'LIST<STRING>'), col('edition', 'STRING')],
  ),
];

function arg(name, type, defaultValue) {
  const description = { name, type, description: name, isDeprecated: false };
  if (defaultValue !== undefined) {
    description.default = `DefaultParameterValue{value=${defaultValue}, type=${type}}`;
  }
  return description;
}

function col(name, type) {
  return { name, type, description: name, isDeprecated: false };
}

function procedure(name, mode, args, returns) {
  const argText = args
    .map((a) => `${a.name}${a.default ? ` = ${a.default.match(/value=(.*),/)[1]}` : ''} :: ${a.type}`)
    .join(', ');
  const returnText = returns.length
    ? ` :: (${returns.map((r) => `${r.name} :: ${r.type}`).join(', ')})`
    : '';
  return {
    name,
    description: name,
    mode,
    worksOnSystem: false,
    argumentDescription: args,
    returnDescription: returns,
    signature: `${name}(${argText})${returnText}`,
    admin: false,
    option: { deprecated: false },
  };
}

function isPlugin(name) {
  return PLUGIN_PREFIXES.some((prefix) => name.startsWith(prefix));
}

function neo4jRegistries() {
  const shipped = testData?.mockSchema ?? {};
  const procedures = {};
  for (const [name, proc] of Object.entries(shipped.procedures?.[CYPHER_VERSION] ?? {})) {
    if (!isPlugin(name)) procedures[name] = proc;
  }
  for (const proc of PROJECT_PROCEDURES) {
    procedures[proc.name] = procedures[proc.name] ?? proc;
  }
  const shippedFunctions = shipped.functions?.[CYPHER_VERSION];
  if (!shippedFunctions) {
    // Without a list, unknown function names go unchecked (arity of built-ins still is).
    return { procedures, functions: undefined };
  }
  const functions = {};
  for (const [name, fn] of Object.entries(shippedFunctions)) {
    if (!isPlugin(name)) functions[name] = fn;
  }
  return { procedures, functions };
}

// Neo4j 5 runs Cypher 5 only: a statement that selects another version (CYPHER 25) is an error.
function versionErrors(query) {
  const errors = [];
  for (const statement of parserWrapper.parse(query).statementsParsing) {
    const version = statement.cypherVersion;
    if (version && version !== CYPHER_VERSION) {
      const start = statement.ctx?.start;
      errors.push({
        severity: 1,
        message: `${version} is selected, but the target is Neo4j 5, which runs ${CYPHER_VERSION}`,
        range: { start: { line: (start?.line ?? 1) - 1, character: start?.column ?? 0 } },
      });
    }
  }
  return errors;
}

function fail(message) {
  process.stderr.write(`cypher-lint: ${message}\n`);
  process.exit(2);
}

function readStatements() {
  let text;
  try {
    text = readFileSync(0, 'utf8');
  } catch (error) {
    fail(`cannot read stdin: ${error.message}`);
  }
  if (!text.trim()) fail('no input on stdin; expected a JSON array of {name, query, parameters}');
  let statements;
  try {
    statements = JSON.parse(text);
  } catch (error) {
    fail(`stdin is not valid JSON: ${error.message}`);
  }
  if (!Array.isArray(statements)) fail('stdin must be a JSON array of {name, query, parameters}');
  statements.forEach((statement, index) => {
    const where = `item ${index}`;
    if (statement === null || typeof statement !== 'object' || Array.isArray(statement)) {
      fail(`${where}: must be an object with "name", "query" and "parameters"`);
    }
    const label = typeof statement.name === 'string' ? `${where} (${statement.name})` : where;
    if (typeof statement.name !== 'string' || !statement.name) {
      fail(`${label}: "name" must be a non-empty string`);
    }
    if (typeof statement.query !== 'string' || !statement.query.trim()) {
      fail(`${label}: "query" must be a non-empty string`);
    }
    const { parameters } = statement;
    if (
      parameters !== undefined &&
      (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters))
    ) {
      fail(`${label}: "parameters" must be an object mapping parameter names to example values`);
    }
  });
  return statements;
}

function main() {
  const statements = readStatements();
  const { procedures, functions } = neo4jRegistries();
  const diagnostics = [];
  for (const { name, query, parameters = {} } of statements) {
    const dbSchema = {
      parameters,
      defaultLanguage: CYPHER_VERSION,
      procedures: { [CYPHER_VERSION]: procedures },
      ...(functions ? { functions: { [CYPHER_VERSION]: functions } } : {}),
    };
    const result = lintCypherQuery(query, dbSchema, false);
    // Later versions return {diagnostics, symbolTables}; this one returns the array.
    const found = (Array.isArray(result) ? result : result.diagnostics).concat(versionErrors(query));
    for (const d of found) {
      diagnostics.push({
        name,
        severity: d.severity === 1 ? 'error' : 'warning',
        message: d.message,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        query,
      });
    }
  }
  process.stdout.write(`${JSON.stringify(diagnostics, null, 2)}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`cypher-lint: internal error: ${error?.stack ?? error}\n`);
  process.exit(1);
}
