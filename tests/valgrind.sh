#!/bin/sh
# valgrind.sh [--cli AIRLOCK] [--suites 'S...' --lanes N] DIR PROGRAM [ARG...]
# - runs PROGRAM under valgrind (memcheck) with one log per process in DIR,
# then judges the logs. With --cli, AIRLOCK_BIN becomes a script that runs
# AIRLOCK under valgrind the same way, so that the CLI tests check the CLI
# too. With --suites, PROGRAM (a Check runner) runs once per suite
# (CK_RUN_SUITE), N at a time: valgrind runs a process on one core, so one
# process for the whole suite left the other cores idle; each suite's
# output is in DIR/SUITE.out, printed in order at the end.
#
#  - the process started here, and each airlock the tests run, must have no
#    error and no definitely lost block at all;
#  - every process forked from it (the sandboxed scanners, the trust-store
#    writers killed on purpose) must have no error; their leak records are
#    not counted: a child forked from a thread, or one that ends with _exit
#    deep in a call, holds blocks only the parent's other threads or the
#    abandoned stack referred to, and valgrind calls those lost.
#
# valgrind's --error-exitcode is not used because it would change the exit
# status of every child with a leak record, which the tests read. Exit 0
# when PROGRAM succeeded and the reports are clean; otherwise the offending
# errors are printed and the exit is 1.
set -u
cli= suites= lanes=1
while :; do
	case "$1" in
	--cli) cli=$2 ;;
	--suites) suites=$2 ;;
	--lanes) lanes=$2 ;;
	*) break ;;
	esac
	shift 2
done
dir=$(mkdir -p "$1" && cd "$1" && pwd) || exit 1
shift
here=$(cd "$(dirname "$0")" && pwd)
rm -f "$dir"/*.log "$dir"/*.out "$dir/mains" "$dir/airlock" "$dir/failed" "$dir/suites"
opts="-q --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite"
opts="$opts --suppressions=$here/valgrind.supp --num-callers=20"

if [ -n "$cli" ]; then
	# exec keeps the pid: the script notes it as that of a main process
	{
		echo '#!/bin/sh'
		echo "echo \$\$ >>'$dir/mains'"
		echo "exec valgrind $opts --log-file='$dir/%p.log' '$cli' \"\$@\""
	} >"$dir/airlock" && chmod +x "$dir/airlock" || exit 1
	AIRLOCK_BIN=$dir/airlock
	export AIRLOCK_BIN
fi

if [ -n "$suites" ]; then
	# each suite a main process; a suite that fails is noted in DIR/failed
	export opts dir
	# shellcheck disable=SC2016,SC2086 # expanded by the inner shell; a list
	printf '%s\n' $suites | xargs -P "$lanes" -I{} sh -c '
		CK_RUN_SUITE=$0 valgrind $opts --log-file="$dir/%p.log" "$@" >"$dir/$0.out" 2>&1 &
		pid=$!
		echo $pid >>"$dir/mains"
		echo $pid >>"$dir/suites"
		wait $pid || echo "$0" >>"$dir/failed"' {} "$@"
	checks=0
	for s in $suites; do
		cat "$dir/$s.out"
		n=$(sed -n 's/.*Checks: \([0-9]*\),.*/\1/p' "$dir/$s.out" | tail -n 1)
		checks=$((checks + ${n:-0}))
	done
	status=0
	if [ -s "$dir/failed" ]; then
		echo "valgrind: suites that failed: $(tr '\n' ' ' <"$dir/failed")"
		status=1
	fi
	echo "valgrind: $checks checks in $(printf '%s\n' $suites | wc -l) suites, $lanes at a time"
	main=
	for pid in $(cat "$dir/suites"); do
		[ -e "$dir/$pid.log" ] || main=missing
	done
	[ "$(wc -l <"$dir/suites")" -eq "$(printf '%s\n' $suites | wc -l)" ] || main=missing
else
	# shellcheck disable=SC2086 # $opts is a list of options
	valgrind $opts --log-file="$dir/%p.log" "$@" &
	main=$!
	echo $main >>"$dir/mains"
	wait $main
	status=$?
fi

# Prints the counted errors of one log (all of them for a main process,
# those that are not leaks for the others), then their number. Each error
# is a headline followed by its "at 0x..." frames.
judge() {
	sed 's/^==[0-9]*== \{0,1\}//' "$1" | awk -v leaks="$2" '
	function flush() {
		if (head != "" && (leaks || head !~ / lost in loss record /)) {
			n++
			printf "  %s%s\n", head, frames
		}
		head = ""; frames = ""; nf = 0
	}
	/^ +(at|by) 0x/ {
		if (prev != "" && head == "" && nf == 0)
			head = prev
		if (head != "" && nf++ < 10)
			frames = frames "\n    " $0
		prev = ""
		next
	}
	{ flush(); prev = $0 }
	END { flush(); print n + 0 }
	'
}

bad=0 errors=0 procs=0 tested=0
for f in "$dir"/*.log; do
	[ -e "$f" ] || continue
	procs=$((procs + 1))
	pid=$(basename "$f" .log)
	grep -qx "$pid" "$dir/mains" && leaks=1 || leaks=0
	out=$(judge "$f" $leaks)
	n=$(printf '%s\n' "$out" | tail -n 1)
	if [ "$n" -gt 0 ]; then
		bad=1
		errors=$((errors + n))
		echo "valgrind: process $pid ($( [ $leaks = 1 ] && echo 'a main process' || echo 'a child'), $f):"
		printf '%s\n' "$out" | sed '$d'
	fi
	[ "$pid" = "$main" ] && tested=1
done
[ -n "$suites" ] && [ -z "$main" ] && tested=1
if [ $tested = 0 ]; then
	echo "valgrind: no report from the test program" >&2
	exit 1
fi
echo "valgrind: $procs processes checked, $(wc -l <"$dir/mains") of them main ones; $errors errors and definite leaks counted"
[ $status -eq 0 ] && [ $bad -eq 0 ]
