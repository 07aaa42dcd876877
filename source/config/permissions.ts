/** True when users other than the owner may read a file with these mode bits. */
export function readableByOthers(mode: number): boolean {
	return (mode & 0o044) !== 0;
}

/** True when users other than the owner may change a file with these mode bits. */
export function writableByOthers(mode: number): boolean {
	return (mode & 0o022) !== 0;
}

/** The mode as people write it for chmod, e.g. "644". */
export function octal(mode: number): string {
	return (mode & 0o777).toString(8).padStart(3, '0');
}
