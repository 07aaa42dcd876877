// NO_COLOR: not one colour escape sequence, and the selected row still marked.
import { afterEach, expect, it } from 'vitest';
import { fixtureName } from '../helpers/pty-fixtures.js';
import { colourSgr, visibleJobNumbers } from '../helpers/pty-screen.js';
import { closeWatchSessions, watchFixtures } from '../helpers/pty-watch.js';

afterEach(closeWatchSessions);

it('NO_COLOR=1 sends no colour at all, and the selected row is still marked', async () => {
	const { term: t } = await watchFixtures({ noColor: true });
	await t.waitFor(() => visibleJobNumbers(t.screenText()).length > 10);
	const marked = () => t.screenText().filter((line) => line.startsWith('›'));
	expect(marked()).toHaveLength(1);
	expect(marked()[0]).toContain(fixtureName(60));
	t.write('j');
	await t.waitFor(() => marked()[0]?.includes(fixtureName(59)) === true);
	expect(marked()).toHaveLength(1);
	expect(colourSgr(t.rawText())).toEqual([]);
});
