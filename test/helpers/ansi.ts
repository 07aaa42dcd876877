/**
 * The test kit's one ANSI stripper: removes every CSI sequence (SGR colours,
 * cursor moves, erases, private modes), so a test compares the text a reader
 * sees. To check that no control character reached the terminal at all, use
 * activeCharacters (out-fakes.ts) instead: this hides what it strips.
 */
export function stripAnsi(text: string): string {
	return text.replace(/\x1b\[[0-9;?<=>]*[ -/]*[@-~]/g, '');
}
