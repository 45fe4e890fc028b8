#!/usr/bin/env python3
"""No test helper can capture another test file's call.

The test files are compiled several to a unit (CMake UNITY_BUILD). Two files that
each define a free function of the same name in the same namespace are then one
overload set: a redefinition is a compile error, but overloads on different types
compile, and a call can silently bind to the other file's function (a call
run(paths, {}) once took another file's run(paths, const char* when)).

This parses all of tests/ as one unit with clang-query, lists every free function
defined in a file under tests/, and fails if a name in a namespace is defined in two
files. Shared helpers belong in one header under tests/support/ (or a folder's own).

  scripts/check-test-helpers.py SOURCE_DIR            check SOURCE_DIR/tests
  scripts/check-test-helpers.py --self-test           check it finds a planted pair
"""
import collections
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

MATCHER = ('match functionDecl(isDefinition(), isExpansionInFileMatching("tests/"), '
           'unless(cxxMethodDecl()), unless(hasAncestor(functionDecl())), '
           'unless(hasAncestor(cxxRecordDecl()))).bind("f")')
NOTE = re.compile(r'^(\S+?):(\d+):\d+: note: "f" binds here')
NAME = re.compile(r'^[^(]*?(\w+)\s*\(')
NAMESPACE = re.compile(r'^namespace ([\w:]+) \{', re.M)
# Overloads two headers under tests/support/ define on purpose, on argument types
# no call can confuse (a path and a cache::Store).
ALLOWED = {("eutl::test", "import_fixture_lists")}


def definitions(root: pathlib.Path, extra_flags):
    files = sorted(p.relative_to(root) for p in (root / "tests").rglob("*.cpp"))
    with tempfile.TemporaryDirectory() as tmp:
        unit = pathlib.Path(tmp) / "all_tests.cpp"
        unit.write_text("".join(f'#include "{f}"\n' for f in files))
        query = pathlib.Path(tmp) / "query"
        query.write_text("set output diag\n" + MATCHER + "\n")
        flags = ["-std=c++20", f"-I{root}", f"-I{root}/include", "-isystem", "/usr/include/libxml2", "-isystem",
                 "/usr/include/xmlsec1", '-DEUTL_CLI_PATH="x"', '-DEUTL_FIXTURES_DIR="x"', '-DEUTL_REALDATA_DIR="x"',
                 '-DEUTL_SOURCE_DIR="x"', "-DXMLSEC_NO_SIZE_T", "-DXMLSEC_CRYPTO_OPENSSL=1",
                 "-DXMLSEC_NO_CRYPTO_DYNAMIC_LOADING=1", "-D__XMLSEC_FUNCTION__=__func__",
                 "-include", "gtest/gtest.h", "-include", "gmock/gmock.h", "-include", "nlohmann/json.hpp"]
        if shutil.which("clang-query") is None:
            sys.exit("clang-query not found: install clang-tools (scripts/install-deps.sh --test)")
        run = subprocess.run(["clang-query", "-f", str(query), str(unit), "--", *flags, *extra_flags],
                             cwd=root, capture_output=True, text=True)
    out = run.stdout + run.stderr
    errors = [l for l in out.splitlines() if ": error:" in l]
    if run.returncode != 0 or errors:
        sys.exit("clang-query could not parse tests/ as one unit:\n" + "\n".join(errors[:20] or out.splitlines()[-20:]))
    lines = out.splitlines()
    found = collections.defaultdict(set)
    for i, line in enumerate(lines):
        m = NOTE.match(line)
        if not m or i + 1 >= len(lines):
            continue
        name = NAME.match(lines[i + 1])
        if not name or name.group(1) == "INSTANTIATE_TEST_SUITE_P":
            continue  # operators; GoogleTest's generated instantiation functions
        path = (root / m.group(1)).resolve()
        before = "\n".join(path.read_text().split("\n")[: int(m.group(2))])
        spaces = NAMESPACE.findall(before)
        found[(spaces[-1] if spaces else "", name.group(1))].add(str(path.relative_to(root.resolve())))
    return found


def clashes(found):
    return {k: v for k, v in found.items() if len(v) > 1 and k not in ALLOWED}


def self_test() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        (root / "tests").mkdir()
        (root / "tests/a_test.cpp").write_text(
            'namespace eutl::x {\nnamespace {\nint run(const char* when) { return 1; }\n}\n}\n')
        (root / "tests/b_test.cpp").write_text(
            'namespace eutl::x {\nnamespace {\nint run(int n) { return n; }\nint own(int n) { return n; }\n}\n}\n')
        found = clashes(definitions(root, []))
    if set(found) != {("eutl::x", "run")}:
        print(f"self-test: expected only eutl::x::run, found {sorted(found)}")
        return 1
    print("self-test: a helper defined in two files is found")
    return 0


def main() -> int:
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    root = pathlib.Path(sys.argv[1])
    found = definitions(root, [])
    bad = clashes(found)
    for (space, name), files in sorted(bad.items()):
        print(f"{space}::{name} is defined in {', '.join(sorted(files))}: one overload set in a unity build")
    print(f"{len(found)} helper names in tests/, {len(bad)} defined in more than one file")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
