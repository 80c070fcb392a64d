// The API's OpenAPI 3.1 document, generated from the zod schemas the route handlers validate
// with (lib/validations/api.ts) via zod 4's z.toJSONSchema, so the document cannot drift from
// what the handlers accept. OpenAPI 3.1 uses JSON Schema 2020-12, zod's default target.
import { z } from 'zod';
import {
  aggregateRowSchema,
  aggregatesQuery,
  errorSchema,
  exportQuery,
  factsPageSchema,
  factsQuery,
  noQuery,
  overviewQuery,
  recognitionsQuery,
} from '@/lib/validations/api';

type JsonSchema = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'query';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _drop, ...rest } = schema;
  return rest;
}

/** Query parameters of a zod object schema, as clients send them (strings: io 'input'). */
export function queryParameters(schema: z.ZodType): Parameter[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const props = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => {
    const { description, ...rest } = s;
    const p: Parameter = { name, in: 'query', required: required.has(name), schema: rest };
    if (typeof description === 'string') p.description = description;
    return p;
  });
}

function body(schema: z.ZodType): JsonSchema {
  return strip(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema);
}

const listOf = (item: z.ZodType) => z.object({ items: z.array(item) });

const metricItem = z.object({
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  valueType: z.string(),
  aggregation: z.enum(['sum', 'latest', 'none']),
  direction: z.string(),
  category: z.string().nullable(),
  description: z.string().nullable(),
});
const parkItem = z.object({
  id: z.number().int(),
  name: z.string(),
  nameEn: z.string().nullable(),
  officialName: z.string().nullable(),
  level: z.string(),
  regionCode: z.string(),
});
const regionItem = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  level: z.string(),
  parentCode: z.string().nullable(),
});
const recognitionItem = z.object({
  id: z.number().int(),
  year: z.number().int(),
  title: z.string(),
  level: z.string(),
  park: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  region: z.object({ code: z.string(), name: z.string() }).nullable(),
  articleId: z.number().int().nullable(),
  evidence: z.string().nullable(),
  issueDate: z.string().nullable(),
});

const overviewData = z
  .looseObject({
    years: z.array(z.number().int()).meta({ description: 'Years with approved figures, newest first' }),
    year: z.number().int().nullable(),
    metric: z.looseObject({ key: z.string() }).nullable().meta({ description: 'The ranking and trend metric' }),
    kpis: z.array(z.looseObject({})).meta({ description: 'KPI cards: value, previous year, target, each with its source report' }),
    ranking: z.array(z.looseObject({})).meta({ description: 'Parks by the metric: actual and target with sources' }),
    counties: z.array(z.looseObject({})),
    trend: z.looseObject({ years: z.array(z.number().int()) }),
    awards: z.array(z.looseObject({})),
    figuresInYear: z.number().int(),
    asOf: z.string().nullable().meta({ description: 'Latest issue date behind the year (YYYY-MM-DD)' }),
    headline: z.enum(['admin', 'default']).meta({ description: 'admin: the headline figures chosen for the overview; default: the Five Good indicators with figures in the year' }),
    targets: z
      .array(z.looseObject({ id: z.number().int(), value: z.string(), progress: z.looseObject({ status: z.string() }) }))
      .meta({ description: 'The year’s targets (the city’s first), each with the actual that answers it and its progress (like with like: a half-year actual is progress by June)' }),
    parkYears: z.array(z.number().int()).meta({ description: 'Years with park figures, newest first' }),
  })
  .meta({ description: 'The overview dashboard for a year (湘潭市, its counties and parks)' });

const errors = {
  '400': { description: 'Invalid parameter (the message names it and why)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '401': { description: 'Not signed in', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '403': { description: 'Role too low (or drafts asked for by a non-admin)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '503': { description: 'Database unavailable', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
};

function op(summary: string, query: z.ZodType, ok: JsonSchema, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    get: {
      summary,
      parameters: queryParameters(query),
      security: [{ session: [] }],
      responses: { '200': { description: 'OK', content: { 'application/json': { schema: ok } } }, ...errors },
      ...extra,
    },
  };
}

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Xiangtan metrics API',
      version: '1.0.0',
      description:
        'Facts extracted from 湘潭日报 with their provenance. Signed-in users (session cookie) only; viewers and analysts see approved facts, admins may ask for drafts (status). Values are exact decimal strings.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'xt_session' } },
      schemas: { Error: body(errorSchema) },
    },
    paths: {
      '/api/facts': op('Facts with provenance (filters, keyset cursor pagination)', factsQuery, body(factsPageSchema)),
      '/api/aggregates': op('Figures combined by park, region, year or metric (sum / latest / none per metric)', aggregatesQuery, body(listOf(aggregateRowSchema))),
      '/api/overview': op('The overview dashboard as data (cached read model)', overviewQuery, body(overviewData)),
      '/api/metrics': op('Metric catalogue', noQuery, body(listOf(metricItem))),
      '/api/parks': op('Parks', noQuery, body(listOf(parkItem))),
      '/api/regions': op('Regions (province, city, counties)', noQuery, body(listOf(regionItem))),
      '/api/recognitions': op('Awards and titles', recognitionsQuery, body(listOf(recognitionItem))),
      '/api/export': {
        get: {
          summary: 'The filtered view as CSV (UTF-8 with BOM) or XLSX, with provenance columns (analysts and admins)',
          parameters: queryParameters(exportQuery),
          security: [{ session: [] }],
          responses: {
            '200': {
              description: 'File download',
              content: {
                'text/csv': { schema: { type: 'string' } },
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', contentEncoding: 'binary' } },
              },
            },
            ...errors,
          },
        },
      },
    },
  };
}
