/**
 * SARIF 2.1.0 output (OASIS static-analysis results interchange), which GitHub code scanning and
 * editors import: one run of the "formulary" tool, its rules with their docs, one result per finding.
 * Locations are file URIs relative to the working directory, with 1-based line and column.
 */
import { type LintDiagnostic, lintRules, systemRules } from '../../schemas/index';

const level = { error: 'error', warning: 'warning', info: 'note' } as const;

/** Renders a SARIF log. `version` is the tool's version. */
export function formatSarif(diagnostics: readonly LintDiagnostic[], version: string): string {
  const rules = [
    ...lintRules.map((r) => ({ id: r.id, text: r.description, level: level[r.severity] })),
    ...Object.entries(systemRules).map(([id, text]) => ({ id, text, level: 'error' as const })),
  ];
  const seen = new Set(rules.map((r) => r.id));
  for (const d of diagnostics) {
    if (!seen.has(d.rule)) {
      seen.add(d.rule);
      rules.push({
        id: d.rule,
        text: `Reported by the schema loader or model: ${d.rule}.`,
        level: level[d.severity],
      });
    }
  }
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'formulary',
            version,
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.text },
              help: { text: `See docs/authoring.md, rule ${r.id}.` },
              defaultConfiguration: { level: r.level },
            })),
          },
        },
        columnKind: 'unicodeCodePoints',
        results: diagnostics.map((d) => ({
          ruleId: d.rule,
          ruleIndex: index.get(d.rule)!,
          level: level[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI((d.file ?? 'schema').replace(/\\/g, '/')) },
                region: { startLine: d.line ?? 1, startColumn: d.column ?? 1 },
              },
              ...(d.pointer
                ? { logicalLocations: [{ fullyQualifiedName: `#${d.pointer}`, kind: 'element' }] }
                : {}),
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
