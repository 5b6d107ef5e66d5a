@rem Windows' cmd.exe has no `exec`. package.json runs "exec node scripts/bench.mjs ..." so that a
@rem POSIX sh replaces itself with Node (see scripts/bench.mjs); cmd.exe looks in the current
@rem folder (npm sets it to this repository) first, finds this file, and runs the rest as is.
@%*
