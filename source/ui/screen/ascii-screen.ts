import { asciiText } from '../../present/ascii-text.js';
import type { Line } from './segments.js';

/** The parts of a planned frame that carry umwatch's prose. */
interface ProseParts {
	readonly top: readonly Line[];
	readonly body: readonly Line[];
	readonly footer: Line;
}

const NON_ASCII = /[^\x00-\x7f]/u;

/** `line` with its text made ASCII ({@link asciiText}); the same object when nothing changes. */
function asciiLine(line: Line): Line {
	if (!line.some((segment) => NON_ASCII.test(segment.text))) return line;
	return line.map((segment) =>
		NON_ASCII.test(segment.text) ? { ...segment, text: asciiText(segment.text) } : segment,
	);
}

/**
 * The frame for `--ascii` or a locale that is not UTF-8: the glyphs are the
 * ASCII set already, and this takes the typographic characters out of the prose
 * that is not drawn from it (a message such as "answered HTML, not JSON – a
 * proxy…", its hint). The job table's rows are left alone: their glyphs come
 * from the set, the rest is the server's text. Lines are fitted to the width
 * when drawn, after this, so a longer ASCII stand-in (`...`) cannot overflow.
 */
export function asciiScreen<S extends ProseParts>(screen: S): S {
	return {
		...screen,
		top: screen.top.map(asciiLine),
		body: screen.body.map(asciiLine),
		footer: asciiLine(screen.footer),
	};
}
