import type { Figure } from './figures.js';

/** A number with its unit, readable: bytes in B/KB, times in ms or s. */
export function formatValue(value: number, unit: string): string {
	if (!Number.isFinite(value)) return 'n/a';
	if (unit === 'B' || unit === 'B/min') {
		const suffix = unit === 'B' ? '' : '/min';
		if (value < 1024) return `${Math.round(value)} B${suffix}`;
		return `${(value / 1024).toFixed(1)} KB${suffix}`;
	}
	if (unit === 'ms' || unit === 'ms p95') {
		return value < 10 ? `${value.toFixed(2)} ms` : `${Math.round(value)} ms`;
	}
	if (unit === 's/min') return `${value.toFixed(2)} s/min`;
	if (unit === 'MB') return `${Math.round(value)} MB`;
	if (unit === 'req/min') return `${value.toFixed(1)} /min`;
	if (unit === 'req') return value.toFixed(2);
	return `${value} ${unit}`;
}

function cells(figure: Figure): string[] {
	const ours =
		figure.unit === 'ms p95' && figure.reference
			? `${formatValue(figure.reference.value, 'ms')} / ${formatValue(figure.value, 'ms')}`
			: formatValue(figure.value, figure.unit);
	let beside = '';
	if (figure.peer !== undefined) beside = formatValue(figure.peer, figure.unit);
	else if (figure.reference && figure.unit !== 'ms p95') {
		beside = `${figure.reference.label}: ${formatValue(figure.reference.value, figure.unit)}`;
	}
	const verdict = figure.budget === undefined ? '' : figure.budget.pass ? 'pass' : 'FAIL';
	return [figure.label, ours, beside, figure.budget?.text ?? '', verdict];
}

const HEADINGS = ['measurement', 'umwatch', 'watch curl|jq / reference', 'budget', ''];

/** The figures as a plain-text table (also valid Markdown, for the readme). */
export function renderTable(figures: readonly Figure[]): string {
	const rows = [HEADINGS, ...figures.map(cells)];
	const widths = HEADINGS.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
	const line = (row: readonly string[]) =>
		`| ${row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
	const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
	return [line(HEADINGS), rule, ...rows.slice(1).map(line)].join('\n');
}
