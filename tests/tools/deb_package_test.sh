#!/usr/bin/env bash
# The .deb as a user gets it: cpack builds it from BUILD_DIR, dpkg -i installs it, then the
# installed specgate runs (--version, man -w, a check, the bash completion file is in place) and
# dpkg -r removes it again. Exit 77 (ctest: skipped) without root, dpkg or cpack, or when a
# specgate package or /usr/bin/specgate is already there (the test must not replace a real one).
# usage: deb_package_test.sh BUILD_DIR VERSION
set -euo pipefail
build=$1 version=$2

skip() { echo "skipped: $*"; exit 77; }
[[ $(id -u) -eq 0 ]] || skip "needs root for dpkg -i"
command -v dpkg >/dev/null && command -v dpkg-shlibdeps >/dev/null || skip "needs dpkg and dpkg-dev"
command -v cpack >/dev/null || skip "needs cpack"
# One package test at a time on a machine (two build trees' ctest runs would race for /usr/bin).
exec 9>/tmp/specgate-deb-package-test.lock
flock 9
if dpkg-query -W -f='${Status}' specgate 2>/dev/null | grep -q 'install ok installed'; then
  skip "a specgate package is already installed"
fi
[[ ! -e /usr/bin/specgate ]] || skip "/usr/bin/specgate exists and is not ours"

work=$(mktemp -d)
installed=0
cleanup() {
  if ((installed)); then dpkg -r specgate >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work" >"$work/cpack.log" 2>&1 || {
  cat "$work/cpack.log"; fail "cpack -G DEB"; }
deb=$(ls "$work"/specgate_"$version"_*.deb 2>/dev/null | head -n1)
[[ -n $deb ]] || fail "no specgate_${version}_*.deb in $(ls "$work")"

# Depends: comes from dpkg-shlibdeps: the runtime libraries, never a -dev package.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libc6 libstdc++6 libmd4c0 libre2-9 libyaml-cpp; do
  [[ $depends == *"$lib"* ]] || fail "Depends: lacks $lib"
done
[[ $depends != *-dev* ]] || fail "Depends: names a -dev package"
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/specgate ./usr/share/man/man1/specgate.1 ./usr/share/bash-completion/completions/specgate \
         ./usr/share/zsh/site-functions/_specgate ./usr/share/fish/vendor_completions.d/specgate.fish; do
  grep -q " $f\$" <<<"$contents" || fail "$f not in the package"
done

# dpkg takes a lock; another apt/dpkg on the machine may hold it for a while.
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  if dpkg -i "$deb" >"$work/dpkg.log" 2>&1; then installed=1; break; fi
  grep -q 'lock' "$work/dpkg.log" || { cat "$work/dpkg.log"; fail "dpkg -i"; }
  sleep 3
done
((installed)) || fail "dpkg -i: the dpkg lock stayed taken"

[[ $(/usr/bin/specgate --version) == "specgate $version" ]] || fail "--version says $(/usr/bin/specgate --version)"
file -L /usr/bin/specgate | grep -q ', stripped' || fail "the installed binary is not stripped: $(file -L /usr/bin/specgate)"
[[ $(man -w specgate) == /usr/share/man/man1/specgate.1* ]] || fail "man -w specgate says $(man -w specgate)"
[[ -f /usr/share/bash-completion/completions/specgate ]] || fail "no bash completion installed"

# A check as a user runs it: one spec with a placeholder left in.
mkdir -p "$work/repo/specs"
printf '# TASK-1: Demo\n\n**Status**: In Progress\n**Assignee**: <name>\n\n## Task Description\n\nShip it.\n' \
  >"$work/repo/specs/TASK-1-demo.md"
set +e
out=$(cd "$work/repo" && /usr/bin/specgate check --template task specs/ 2>&1)
code=$?
set -e
echo "$out" | tail -n 3
[[ $code == 1 ]] || fail "check exited $code (want 1: a placeholder is an error)"
grep -q "TASK-1-demo.md:4:15: error: placeholder '<name>' left in the spec" <<<"$out" || fail "check did not report the placeholder"

dpkg -r specgate >/dev/null
installed=0
[[ ! -e /usr/bin/specgate ]] || fail "/usr/bin/specgate still there after dpkg -r"
echo "ok: $(basename "$deb") installed, used and removed"
