#!/usr/bin/env bash
# `cmake --install BUILD --prefix P --strip` (what `make install PREFIX=P` runs) puts the stripped
# binary, the man page and the three completions where their tools look, and they work from there.
# usage: install_test.sh BUILD_DIR VERSION
set -euo pipefail
build=$1 version=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" --strip >"$prefix.log" 2>&1 || { cat "$prefix.log"; rm -f "$prefix.log"; fail "cmake --install"; }
rm -f "$prefix.log"
for f in bin/specgate share/man/man1/specgate.1 share/bash-completion/completions/specgate \
         share/zsh/site-functions/_specgate share/fish/vendor_completions.d/specgate.fish; do
  [[ -f $prefix/$f ]] || fail "$f not installed"
done
[[ $("$prefix/bin/specgate" --version) == "specgate $version" ]] || fail "--version"
if command -v file >/dev/null; then
  file "$prefix/bin/specgate" | grep -q ', stripped' || fail "not stripped: $(file "$prefix/bin/specgate")"
fi
if command -v man >/dev/null; then
  # man finds the page through MANPATH, as it does through PATH for a prefix on it.
  [[ $(MANPATH="$prefix/share/man" man -w specgate) == "$prefix/share/man/man1/specgate.1" ]] ||
    fail "man -w specgate with MANPATH=$prefix/share/man"
fi
# bash-completion loads completions/NAME on first use of NAME; sourcing it registers _specgate.
[[ $(bash --norc -c "source '$prefix/share/bash-completion/completions/specgate'; complete -p specgate") == \
   "complete -F _specgate specgate" ]] || fail "the installed bash completion does not register"
echo "ok: installed under a temporary prefix"
