// Placeholder entry point until the command line lands (issue 2 skeleton).
process.stdout.write('umwatch: not built yet\n');
