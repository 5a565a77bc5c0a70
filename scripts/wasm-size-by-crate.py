#!/usr/bin/env python3
"""Code bytes of a Wasm module by crate, from its name section.

    scripts/wasm-size-by-crate.py [target/wasm-bindgen/release/museum-lending-explorer_bg.wasm]

Read the module Trunk leaves *before* wasm-opt (it still has names). For each crate: the
number of functions, their raw code bytes and the brotli size of those bodies compressed
together (an estimate of the crate's share: brotli over the whole module finds more
repeats). A function is counted for the crate of its path; `<T as trait>::f` for the
implementing type's crate, or the trait's when the type is a generic parameter. Also
prints the data section (the embedded JSON and string constants).
"""
import re
import subprocess
import sys
from collections import defaultdict

DEFAULT = "target/wasm-bindgen/release/museum-lending-explorer_bg.wasm"


def leb(buf, pos):
    result = shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def sections(buf):
    pos = 8
    while pos < len(buf):
        kind = buf[pos]
        size, pos = leb(buf, pos + 1)
        yield kind, buf[pos : pos + size]
        pos += size


def function_names(payload):
    name_len, pos = leb(payload, 0)
    if payload[pos : pos + name_len] != b"name":
        return None
    pos += name_len
    names = {}
    while pos < len(payload):
        sub = payload[pos]
        size, pos = leb(payload, pos + 1)
        end = pos + size
        if sub == 1:
            count, p = leb(payload, pos)
            for _ in range(count):
                idx, p = leb(payload, p)
                n, p = leb(payload, p)
                names[idx] = payload[p : p + n].decode("utf-8", "replace")
                p += n
        pos = end
    return names


GENERIC = re.compile(r"^[A-Z][A-Za-z0-9]?$")


def crate_of(name):
    name = re.sub(r"\[[0-9a-f]{16}\]", "", re.sub(r"::h[0-9a-f]{16}$", "", name))
    if name.startswith(("__wbg", "__wbindgen", "__externref", "intounderlying")) or "externref shim" in name:
        return "(wasm-bindgen glue)"
    if name.startswith("__") or name in ("memcmp", "memcpy", "memset", "memmove", "fmax", "fmin", "pow", "log10", "round"):
        return "(compiler builtins, libm)"
    if name.startswith("<"):
        depth = 0
        for i, ch in enumerate(name):
            depth += ch == "<"
            depth -= ch == ">"
            if depth == 0:
                inner = name[1:i]
                break
        else:
            inner = name[1:]
        if " as " in inner:
            implementor, trait = inner.split(" as ", 1)
        else:
            implementor, trait = inner, ""
        implementor = implementor.lstrip("&*").replace("mut ", "").replace("dyn ", "")
        if implementor.startswith("impl "):
            implementor = implementor[5:]
        head = implementor.split("::")[0].split("<")[0].strip("[(&")
        if implementor.startswith(("(", "[")) or GENERIC.match(head) or head in ("", "str", "u8", "u16", "u32", "u64", "usize", "i32", "i64", "f64", "f32", "bool", "char", "()"):
            head = trait.split("::")[0].split("<")[0] or head
        return detail(head, trait if head == trait.split("::")[0].split("<")[0] else implementor)
    return detail(name.split("::")[0].split("<")[0].split("{")[0] or "?", name)


def detail(crate, path):
    """core and std split by module: dec2flt, flt2dec and fmt are the usual suspects."""
    if crate in ("core", "compiler_builtins", "std") and "--std-modules" in sys.argv:
        parts = path.split("<")[0].split("::")
        return "::".join(parts[:3] if len(parts) > 2 and parts[1] in ("num", "fmt") else parts[:2])
    return crate


def brotli_size(data):
    return len(subprocess.run(["brotli", "-c", "-q", "11"], input=data, capture_output=True, check=True).stdout)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = args[0] if args else DEFAULT
    buf = open(path, "rb").read()
    imported = 0
    bodies = []
    names = {}
    data_bytes = 0
    for kind, payload in sections(buf):
        if kind == 2:  # imports: function imports take the first indexes
            count, p = leb(payload, 0)
            for _ in range(count):
                for _ in range(2):
                    n, p = leb(payload, p)
                    p += n
                k = payload[p]
                p += 1
                if k == 0:
                    _, p = leb(payload, p)
                    imported += 1
                elif k == 1:
                    p += 1
                    flags = payload[p]
                    _, p = leb(payload, p + 1)
                    if flags & 1:
                        _, p = leb(payload, p)
                elif k == 2:
                    flags = payload[p]
                    _, p = leb(payload, p + 1)
                    if flags & 1:
                        _, p = leb(payload, p)
                elif k == 3:
                    p += 2
        elif kind == 10:
            count, p = leb(payload, 0)
            for _ in range(count):
                size, p = leb(payload, p)
                bodies.append(payload[p : p + size])
                p += size
        elif kind == 11:
            data_bytes = len(payload)
        elif kind == 0:
            found = function_names(payload)
            if found is not None:
                names = found
    by_crate = defaultdict(list)
    for i, body in enumerate(bodies):
        by_crate[crate_of(names.get(imported + i, "?"))].append(body)
    rows = sorted(by_crate.items(), key=lambda kv: -sum(map(len, kv[1])))
    total_raw = sum(map(len, bodies))
    print(f"{'crate':<28} {'funcs':>6} {'raw bytes':>10} {'br (alone)':>10}")
    for crate, crate_bodies in rows:
        raw = sum(map(len, crate_bodies))
        print(f"{crate:<28} {len(crate_bodies):>6} {raw:>10} {brotli_size(b''.join(crate_bodies)):>10}")
    print(f"{'(all code)':<28} {len(bodies):>6} {total_raw:>10} {brotli_size(b''.join(bodies)):>10}")
    print(f"{'(data section)':<28} {'':>6} {data_bytes:>10}")


if __name__ == "__main__":
    main()
